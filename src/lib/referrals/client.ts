import type { SupabaseClient } from '@supabase/supabase-js';
import { referralErrorFrom, referralErrorFromIssues, ReferralError } from './errors.ts';
import {
  type MyReferral,
  myReferralColumns,
  myReferralSchema,
  type ReferralEvent,
  referralEventColumns,
  referralEventSchema,
  referenceSchema,
  type SubmissionInput,
  submissionSchema,
  type SubmitResult,
  submitResultSchema,
  withdrawSchema,
} from './schema.ts';

/**
 * The browser's side of referrals, through supabase-js with the publishable key: an anonymous
 * session, submitting, reading one's own referral and its history, withdrawing, and adding an
 * email so the anonymous account becomes permanent. Nothing here writes to browser storage
 * except the session supabase-js keeps (no answers, no health data).
 * Every failure is a ReferralError with a code (errors.ts) and a message fit to show.
 */

/** Makes sure the browser has a session: an anonymous one (`auth.signInAnonymously()`) if none. */
export async function ensureSession(client: SupabaseClient): Promise<string> {
  const { data } = await client.auth.getSession();
  if (data.session) return data.session.user.id;
  const { data: signedIn, error } = await client.auth.signInAnonymously();
  if (error || !signedIn.user) throw referralErrorFrom({ code: null, message: error?.message ?? null }, error?.status);
  return signedIn.user.id;
}

/**
 * Sends a referral. Validates with the shared schema first (a ReferralError SP422 naming the
 * field), then calls `public.submit_referral`. Retries with the same answers (same
 * idempotency_key) are safe: they return the first reference with `replayed: true`.
 */
export async function submitReferral(client: SupabaseClient, answers: SubmissionInput): Promise<SubmitResult> {
  const parsed = submissionSchema.safeParse(answers);
  if (!parsed.success) throw referralErrorFromIssues(parsed.error);
  let response;
  try {
    response = await client.rpc('submit_referral', { submission: parsed.data });
  } catch (error) {
    throw new ReferralError(
      'network',
      'We could not send your answers. Check your connection and try again: your answers are still here.',
      null,
      {
        cause: error,
      },
    );
  }
  if (response.error) throw referralErrorFrom(response.error, response.status);
  const result = submitResultSchema.safeParse(response.data);
  if (!result.success) throw referralErrorFrom({ code: 'unexpected' }, response.status);
  return result.data;
}

/** The caller's own referrals, newest first (`public.my_referrals()`: only those they made). */
export async function loadMyReferrals(client: SupabaseClient): Promise<MyReferral[]> {
  const { data, error, status } = await client.rpc('my_referrals').select(myReferralColumns).order('created_at', { ascending: false });
  if (error) throw referralErrorFrom(error, status);
  return myReferralSchema.array().parse(data);
}

export interface MyReferralWithHistory {
  referral: MyReferral;
  /** Oldest first: submitted, then each status change, as the database recorded them. */
  history: ReferralEvent[];
}

/** One of the caller's referrals by its reference, with its person-visible history; null if not theirs. */
export async function loadMyReferral(client: SupabaseClient, reference: string): Promise<MyReferralWithHistory | null> {
  const ref = referenceSchema.safeParse(reference);
  if (!ref.success) return null;
  const { data, error, status } = await client.rpc('my_referrals').select(myReferralColumns).eq('reference', ref.data).maybeSingle();
  if (error) throw referralErrorFrom(error, status);
  if (!data) return null;
  const referral = myReferralSchema.parse(data);
  const events = await client
    .from('referral_events')
    .select(referralEventColumns)
    .eq('referral_id', referral.id)
    .order('id', { ascending: true });
  if (events.error) throw referralErrorFrom(events.error, events.status);
  return { referral, history: referralEventSchema.array().parse(events.data) };
}

/** Withdraws the caller's own referral (`public.withdraw_referral`); the database records the event. */
export async function withdrawReferral(client: SupabaseClient, referralId: string, reason?: string | null): Promise<void> {
  const parsed = withdrawSchema.safeParse({ referral_id: referralId, reason });
  if (!parsed.success) throw referralErrorFromIssues(parsed.error);
  const { error, status } = await client.rpc('withdraw_referral', parsed.data);
  if (error) throw referralErrorFrom(error, status);
}

/**
 * "Add your email to come back later": asks Auth to email a confirmation link. Once the person
 * follows it, the same user id (and so the same referral) is permanent, and they can sign in
 * from another device with a magic link (`auth.signInWithOtp({ email })`).
 */
export async function addEmailToComeBack(client: SupabaseClient, email: string, redirectTo: string): Promise<void> {
  const { error } = await client.auth.updateUser({ email }, { emailRedirectTo: redirectTo });
  if (error) {
    const message = error.code === 'email_exists' ? 'That email address is already used. Sign in with it instead.' : error.message;
    throw new ReferralError(error.status && error.status < 500 ? 'SP422' : 'network', message, 'email');
  }
}
