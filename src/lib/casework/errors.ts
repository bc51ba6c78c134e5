import { SignpostError } from '../errors.ts';

/**
 * A refusal from one of the casework functions (migration 20261203005100_plans_wellbeing_fund.sql):
 * SP401 no session, SP403 not allowed, SP404 a referral the caller may not work on, SP409 a
 * conflict (a service already in the plan, a spend beyond the balance), SP422 a bad answer. The
 * message is fit to show; `field` names the answer it is about (the function's argument name).
 */
export class CaseworkError extends SignpostError {
  readonly code: string;
  readonly field: string | null;
  constructor(code: string, message: string, field: string | null = null) {
    super(message);
    this.code = code;
    this.field = field;
  }
  /** The session ended: sign in again and send the same answers. */
  get sessionEnded(): boolean {
    return this.code === 'SP401' || this.code === 'PGRST301' || this.code === '42501';
  }
}

/** What supabase-js returns when PostgREST refuses. */
export interface PostgrestFailure {
  code?: string | null;
  message?: string | null;
  hint?: string | null;
}

export function caseworkErrorFrom(error: PostgrestFailure): CaseworkError {
  const code = error.code ?? '';
  if (code.startsWith('SP')) return new CaseworkError(code, error.message ?? 'That was not saved. Try again.', error.hint ?? null);
  if (code === 'PGRST301' || code === '42501')
    return new CaseworkError(code, 'Your session has ended. Sign in again: what you typed is still here.');
  if (!code)
    return new CaseworkError('network', 'That was not saved: there was no answer from the server. Check your connection and try again.');
  return new CaseworkError(code, `That was not saved (${error.message ?? code}). Try again in a minute.`);
}
