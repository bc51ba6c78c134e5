// POST /otp, /magiclink, /recover, /resend: everything that mails a one-time code or link.
import type { AuthContext, Handler } from '../context.ts';
import { audit } from '../audit.ts';
import { inTransaction } from '../db.ts';
import { badRequest, unprocessable, validationFailed } from '../errors.ts';
import type { AuthRequest } from '../http.ts';
import { obj, ok, str } from '../http.ts';
import { sendConfirmation, sendEmailChange, sendMagicLink, sendRecovery } from '../otp.ts';
import { pkceFrom, startFlow } from '../pkce.ts';
import { safeRedirect } from '../redirects.ts';
import { findUserByEmail, findUserById, insertUser } from '../users.ts';
import { validateEmail } from '../email.ts';

function emailFrom(req: AuthRequest, phoneDisabledMessage = 'Unsupported phone provider'): string {
  const email = str(req.body, 'email')?.trim();
  if (!email) {
    if (str(req.body, 'phone')) throw badRequest('phone_provider_disabled', phoneDisabledMessage);
  }
  return validateEmail(email);
}

/**
 * Magic link / email OTP as GoTrue's MagicLink handler: a confirmed user gets a magic link, an
 * unconfirmed one gets the signup confirmation again, an unknown address is signed up (without
 * a password) when allowed. All answer `{}` so the response does not say which happened.
 */
async function mailSignInLink(ctx: AuthContext, req: AuthRequest, createUser: boolean) {
  const email = emailFrom(req);
  ctx.limits.otp(`${req.ip}|${email}`);
  const redirectTo = safeRedirect(ctx.config, req.query.get('redirect_to'));
  const pkce = pkceFrom(req.body);
  const link = { redirectTo, pkce: Boolean(pkce) };
  await inTransaction(ctx.db, async (tx) => {
    const mail = { db: tx, config: ctx.config, limits: ctx.limits };
    const user = await findUserByEmail(tx, email);
    if (user && pkce) await startFlow(tx, user.id, pkce, user.email_confirmed_at ? 'magiclink' : 'email/signup');
    if (user?.email_confirmed_at) return sendMagicLink(mail, user, link);
    if (user) return sendConfirmation(mail, user, link);
    if (!createUser || ctx.config.disableSignup) throw unprocessable('otp_disabled', 'Signups not allowed for otp');
    const created = await insertUser(tx, {
      email,
      encryptedPassword: null,
      provider: 'email',
      userMetadata: obj(req.body, 'data') ?? {},
      confirmed: false,
    });
    await audit(tx, 'user_signedup', created, req.ip, { provider: 'email' });
    if (pkce) await startFlow(tx, created.id, pkce, 'email/signup');
    return sendConfirmation(mail, created, link);
  });
  return ok({});
}

export const otp: Handler = (ctx, req) => mailSignInLink(ctx, req, req.body.create_user !== false);
export const magicLink: Handler = (ctx, req) => mailSignInLink(ctx, req, true);

export const recover: Handler = async (ctx, req) => {
  const email = emailFrom(req);
  ctx.limits.otp(`${req.ip}|${email}`);
  const redirectTo = safeRedirect(ctx.config, req.query.get('redirect_to'));
  const pkce = pkceFrom(req.body);
  await inTransaction(ctx.db, async (tx) => {
    const user = await findUserByEmail(tx, email);
    // Unknown addresses get the same empty success, so the endpoint cannot probe accounts.
    if (!user) return;
    await audit(tx, 'user_recovery_requested', user, req.ip);
    if (pkce) await startFlow(tx, user.id, pkce, 'recovery');
    await sendRecovery({ db: tx, config: ctx.config, limits: ctx.limits }, user, { redirectTo, pkce: Boolean(pkce) });
  });
  return ok({});
};

export const resend: Handler = async (ctx, req) => {
  const email = emailFrom(req, 'Phone logins are disabled');
  const type = str(req.body, 'type');
  if (type !== 'signup' && type !== 'email_change') throw validationFailed('Missing one of these types: signup, email_change');
  ctx.limits.otp(`${req.ip}|${email}`);
  const redirectTo = safeRedirect(ctx.config, req.query.get('redirect_to'));
  await inTransaction(ctx.db, async (tx) => {
    const mail = { db: tx, config: ctx.config, limits: ctx.limits };
    if (type === 'signup') {
      const user = await findUserByEmail(tx, email);
      if (user && !user.email_confirmed_at) await sendConfirmation(mail, user, { redirectTo });
      return;
    }
    const { rows } = await tx.query<{ id: string }>('select id from auth.users where lower(email_change) = $1', [email]);
    const user = rows[0] && (await findUserById(tx, rows[0].id));
    if (user) await sendEmailChange(mail, user, email, { redirectTo });
  });
  return ok({});
};
