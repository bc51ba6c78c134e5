// GET /reauthenticate mails a one-time nonce; with GOTRUE_SECURITY_UPDATE_PASSWORD_REQUIRE_REAUTHENTICATION
// on, PUT /user needs that nonce to change the password of a session older than 24 hours
// (GoTrue's "secure password change").
import type { Handler } from '../context.ts';
import { audit } from '../audit.ts';
import type { Queryable } from '../db.ts';
import type { AuthConfig } from '../config.ts';
import { inTransaction } from '../db.ts';
import { badRequest, unprocessable, validationFailed } from '../errors.ts';
import { ok } from '../http.ts';
import { requireUser } from '../guard.ts';
import { sendReauthentication, tokenHash } from '../otp.ts';
import type { SessionRow } from '../sessions.ts';
import type { UserRow } from '../users.ts';

const invalidNonce = () => unprocessable('reauthentication_not_valid', 'Nonce has expired or is invalid');

export const reauthenticate: Handler = async (ctx, req) => {
  const { user } = await requireUser(ctx, req);
  if (!user.email) throw validationFailed('Reauthentication requires the user to have an email or a phone number');
  if (!user.email_confirmed_at) throw unprocessable('email_not_confirmed', 'Please verify your email first.');
  await inTransaction(ctx.db, async (tx) => {
    await audit(tx, 'user_reauthenticate_requested', user, req.ip);
    await sendReauthentication({ db: tx, config: ctx.config, limits: ctx.limits }, user);
  });
  return ok({});
};

/** GoTrue asks for the nonce only when the session was not started within the last 24 hours. */
export function needsReauthentication(config: AuthConfig, session: SessionRow): boolean {
  return config.passwordChangeNeedsReauthentication && Date.now() - session.created_at.getTime() > 24 * 3600 * 1000;
}

/** Checks and uses up the nonce (GoTrue's verifyReauthentication and ConfirmReauthentication). */
export async function redeemNonce(db: Queryable, config: AuthConfig, user: UserRow, nonce: string | undefined): Promise<void> {
  if (!nonce) throw badRequest('reauthentication_needed', 'Password update requires reauthentication');
  const sent = user.reauthentication_sent_at;
  if (!user.reauthentication_token || !sent || !user.email) throw invalidNonce();
  const fresh = Date.now() - sent.getTime() <= config.otpExp * 1000;
  if (!fresh || tokenHash(user.email, nonce.trim()) !== user.reauthentication_token) throw invalidNonce();
  await db.query("update auth.users set reauthentication_token = '', reauthentication_sent_at = null where id = $1", [user.id]);
  await db.query("delete from auth.one_time_tokens where user_id = $1 and token_type = 'reauthentication_token'", [user.id]);
}
