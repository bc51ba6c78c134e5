// POST /signup: email + password sign-up, or anonymous sign-in when the body has neither.
import { randomUUID } from 'node:crypto';
import type { Handler } from '../context.ts';
import { badRequest, unprocessable } from '../errors.ts';
import { obj, ok, str } from '../http.ts';
import { sendConfirmation } from '../otp.ts';
import { checkPasswordStrength, hashPassword } from '../passwords.ts';
import { pkceFrom, startFlow } from '../pkce.ts';
import { safeRedirect } from '../redirects.ts';
import { audit } from '../audit.ts';
import { inTransaction } from '../db.ts';
import { signIn } from '../sessions.ts';
import { findUserByEmail, findUserById, insertUser, userJson } from '../users.ts';

import { validateEmail } from '../email.ts';

export const signup: Handler = async (ctx, req) => {
  const { config } = ctx;
  const email = str(req.body, 'email')?.trim();
  const password = str(req.body, 'password') ?? '';
  const phone = str(req.body, 'phone');
  const data = obj(req.body, 'data') ?? {};
  if (config.disableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');

  if (!email && !phone && !password) {
    if (!config.anonymousEnabled) throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
    ctx.limits.anonymousSignIn(req.ip);
    return ok(
      await inTransaction(ctx.db, async (tx) => {
        const user = await insertUser(tx, {
          email: null,
          encryptedPassword: null,
          provider: 'anonymous',
          userMetadata: data,
          confirmed: false,
        });
        await audit(tx, 'user_signedup', user, req.ip, { provider: 'anonymous' });
        return signIn(tx, config, user, 'anonymous', req.ip);
      }),
    );
  }
  if (phone && !email) throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
  if (!config.emailEnabled) throw badRequest('email_provider_disabled', 'Email signups are disabled');
  const address = validateEmail(email);
  if (!password) throw unprocessable('validation_failed', 'Signup requires a valid password');
  checkPasswordStrength(config, password);
  const redirectTo = safeRedirect(config, req.query.get('redirect_to'));

  return ok(
    await inTransaction(ctx.db, async (tx) => {
      const existing = await findUserByEmail(tx, address);
      // With autoconfirm, GoTrue would confirm an unconfirmed account and hand its session to
      // whoever signed up second; this stand-in refuses instead, as for a confirmed one.
      if (existing && config.mailerAutoconfirm) throw unprocessable('user_already_exists', 'User already registered');
      if (existing?.email_confirmed_at) {
        // With confirmation on, GoTrue answers as if signing up worked, with a made-up user and
        // no identities, so the response does not reveal that the address is registered.
        const now = new Date().toISOString();
        return {
          id: randomUUID(),
          aud: 'authenticated',
          role: 'authenticated',
          email: address,
          phone: '',
          confirmation_sent_at: now,
          app_metadata: { provider: 'email', providers: ['email'] },
          user_metadata: {},
          identities: [],
          created_at: now,
          updated_at: now,
          is_anonymous: false,
        };
      }
      // An unconfirmed account is left as it is, password and metadata included: whoever signs up
      // second has not proved the address either (GoTrue: "we can't be sure of their claimed
      // identity"). The owner gets the confirmation mail again.
      const user =
        existing ??
        (await insertUser(tx, {
          email: address,
          encryptedPassword: await hashPassword(password),
          provider: 'email',
          userMetadata: data,
          confirmed: config.mailerAutoconfirm,
        }));
      await audit(tx, existing ? 'user_confirmation_requested' : 'user_signedup', user, req.ip, { provider: 'email' });
      if (config.mailerAutoconfirm) return signIn(tx, config, user, 'password', req.ip);
      const pkce = pkceFrom(req.body);
      if (pkce) await startFlow(tx, user.id, pkce, 'email/signup');
      await sendConfirmation({ db: tx, config, limits: ctx.limits }, user, { redirectTo, pkce: Boolean(pkce) });
      return userJson(tx, (await findUserById(tx, user.id))!);
    }),
  );
};
