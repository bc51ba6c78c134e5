import type { AuthError } from '@supabase/supabase-js';

/** What an Auth failure means for the person, and what to do about it. */
export function authProblem(error: Pick<AuthError, 'status' | 'code' | 'message'>): string {
  if (!error.status) return 'We could not reach Signpost. Check your internet connection and try again.';
  if (error.status === 429) return 'Too many emails have been asked for. Wait a few minutes and try again.';
  if (error.code === 'otp_disabled' || error.code === 'user_not_found')
    return 'We could not find a referral with that email address. Check the address, or start a new referral.';
  return `${error.message}. Check the email address and try again.`;
}
