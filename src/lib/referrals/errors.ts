import type { z } from 'zod';
import { SignpostError } from '../errors.ts';

/**
 * The codes public.submit_referral, public.withdraw_referral and public.mark_referral_messages_read
 * raise (migration 20261203000100_referrals.sql), plus the two the browser adds itself.
 * Each comes with a message fit to show a person; `field` names the answer it is about, if any.
 */
export const referralErrorCodes = {
  SP400: 'An answer has the wrong type (text where a list was expected, and so on)',
  SP401: 'No session: the person must reload the page (the answers stay on screen)',
  SP403: 'The honeypot field was filled in: a plain refusal',
  SP404: 'Unknown GP practice (field gp_practice_code), or a referral that is not yours',
  SP409: 'The same idempotency key with different answers, or a referral that can no longer be withdrawn',
  SP413: 'The whole submission is too large',
  SP422: 'An answer is missing, too long or not allowed; `field` names it',
  SP425: 'Sent sooner after opening the form than a person could: a plain message',
  SP429: 'Too many referrals from this session or this network in the last hour',
  /** Browser only: the request never got an answer (offline, server restarting). Retry with the same key. */
  network: 'No answer from the server',
  /** Browser only: an answer nobody planned for. */
  unexpected: 'Something unexpected went wrong',
} as const;
export type ReferralErrorCode = keyof typeof referralErrorCodes;

export class ReferralError extends SignpostError {
  readonly code: ReferralErrorCode;
  /** The answer the error is about (`date_of_birth`, `gp_practice_code`…), or null for the whole form. */
  readonly field: string | null;
  constructor(code: ReferralErrorCode, message: string, field: string | null = null, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.field = field;
  }
  /** Worth sending the same answers again (same idempotency key): nothing was stored, or it will be replayed. */
  get retryable(): boolean {
    return this.code === 'network' || this.code === 'SP401';
  }
}

export const networkMessage = 'We could not send your answers. Check your connection and try again: your answers are still here.';
const unexpectedMessage = 'Something went wrong on our side. Try again in a few minutes: your answers are still here.';

/** What PostgREST (through supabase-js) returns on failure. */
export interface ApiFailure {
  code?: string | null;
  message?: string | null;
  hint?: string | null;
}

/** Turns an RPC failure into a ReferralError; fetch failures (no code) become `network`. */
export function referralErrorFrom(error: ApiFailure, status?: number): ReferralError {
  const code = error.code ?? '';
  if (code in referralErrorCodes && code.startsWith('SP')) {
    return new ReferralError(code as ReferralErrorCode, error.message ?? unexpectedMessage, error.hint ?? null);
  }
  if (!code && (!status || status >= 500 || /fetch|network|load failed/i.test(error.message ?? ''))) {
    return new ReferralError('network', networkMessage);
  }
  if (status === 503 || status === 502 || status === 504) return new ReferralError('network', networkMessage);
  // The database rolled the transaction back for a concurrent one (deadlock, serialization):
  // nothing was stored, and sending again with the same idempotency key is safe.
  if (code === '40P01' || code === '40001') return new ReferralError('network', networkMessage);
  return new ReferralError('unexpected', unexpectedMessage);
}

/** The first problem zod found, as a ReferralError naming the field (the top-level answer). */
export function referralErrorFromIssues(error: z.ZodError): ReferralError {
  const issue = error.issues[0]!;
  const field = issue.path.length > 0 ? String(issue.path[0]) : null;
  return new ReferralError('SP422', issue.message, field);
}
