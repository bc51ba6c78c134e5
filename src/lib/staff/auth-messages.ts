/**
 * Supabase Auth's error codes as sentences a member of staff can act on. Anything unexpected
 * still says what happened, never just "something went wrong".
 */
const messages: Record<string, string> = {
  invalid_credentials: 'The email address or password is not right. Check them and try again.',
  email_not_confirmed: 'Confirm your email address first: open the link in the email we sent you.',
  mfa_verification_failed: 'That code is not right. Enter the 6-digit code your authenticator app shows now.',
  mfa_challenge_expired: 'That code request has expired. Enter the code your app shows now.',
  mfa_ip_address_mismatch: 'That code request has already been used. Enter the code your app shows now.',
  over_request_rate_limit: 'Too many attempts. Wait a minute, then try again.',
  over_email_send_rate_limit: 'Too many emails have been sent to this address. Wait a few minutes, then try again.',
  otp_disabled: 'No staff account uses that email address. Check it, or ask your administrator for an invitation.',
  weak_password: 'Choose a longer password.',
};

export function authMessage(error: { code?: string | undefined; message: string }): string {
  return (error.code && messages[error.code]) || `Signing in did not work: ${error.message}`;
}
