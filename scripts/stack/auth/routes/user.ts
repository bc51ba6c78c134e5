// GET /user, PUT /user and POST /logout: what a signed-in person can see and change themselves.
import type { Handler } from '../context.ts';
import { audit } from '../audit.ts';
import { inTransaction } from '../db.ts';
import { AuthHttpError, forbidden, unprocessable, validationFailed } from '../errors.ts';
import { noContent, obj, ok, str } from '../http.ts';
import { sendEmailChange } from '../otp.ts';
import { checkPasswordStrength, hashPassword, passwordMatches } from '../passwords.ts';
import { pkceFrom, startFlow } from '../pkce.ts';
import { safeRedirect } from '../redirects.ts';
import { logout as endSessions } from '../sessions.ts';
import { findUserByEmail, findUserById, mergeMetadata, normaliseEmail, upsertEmailIdentity, userJson } from '../users.ts';
import { requireUser } from '../guard.ts';
import { needsReauthentication, redeemNonce } from './reauthenticate.ts';
import { validateEmail } from '../email.ts';

export const getUser: Handler = async (ctx, req) => {
  const { user } = await requireUser(ctx, req);
  return ok(await userJson(ctx.db, user));
};

export const updateUser: Handler = async (ctx, req) => {
  const { user, session } = await requireUser(ctx, req);
  // app_metadata holds what the project decides about a user (roles, tenancy): only admins
  // may write it, through /admin/users.
  if (req.body.app_metadata !== undefined) {
    throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
  }
  const password = str(req.body, 'password');
  const data = obj(req.body, 'data');
  const rawEmail = str(req.body, 'email')?.trim();
  const redirectTo = safeRedirect(ctx.config, req.query.get('redirect_to'));

  const updated = await inTransaction(ctx.db, async (tx) => {
    if (password !== undefined) {
      if (user.is_anonymous && !user.email) {
        throw unprocessable('validation_failed', 'Updating password of an anonymous user without an email or phone is not allowed');
      }
      if (needsReauthentication(ctx.config, session)) await redeemNonce(tx, ctx.config, user, str(req.body, 'nonce'));
      checkPasswordStrength(ctx.config, password);
      if (user.encrypted_password && (await passwordMatches(user.encrypted_password, password))) {
        throw unprocessable('same_password', 'New password should be different from the old password.');
      }
      await tx.query('update auth.users set encrypted_password = $2, updated_at = now() where id = $1', [
        user.id,
        await hashPassword(password),
      ]);
    }
    if (data) {
      await tx.query('update auth.users set raw_user_meta_data = $2, updated_at = now() where id = $1', [
        user.id,
        mergeMetadata(user.raw_user_meta_data, data),
      ]);
    }
    if (rawEmail && normaliseEmail(rawEmail) !== (user.email ?? '').toLowerCase()) {
      const email = validateEmail(rawEmail);
      const taken = await findUserByEmail(tx, email);
      if (taken && taken.id !== user.id) {
        throw unprocessable('email_exists', 'A user with this email address has already been registered');
      }
      // As GoTrue: only an anonymous user adding an email is confirmed at once under
      // GOTRUE_MAILER_AUTOCONFIRM (like signing up); a permanent user always confirms a change.
      if (user.is_anonymous && ctx.config.mailerAutoconfirm) {
        await tx.query(
          `update auth.users set email = $2, email_confirmed_at = now(), is_anonymous = false, email_change = '',
             raw_app_meta_data = coalesce(raw_app_meta_data, '{}'::jsonb) || '{"provider":"email","providers":["email"]}'::jsonb,
             updated_at = now()
           where id = $1`,
          [user.id, email],
        );
        await upsertEmailIdentity(tx, user.id, email, true);
      } else {
        const pkce = pkceFrom(req.body);
        if (pkce) await startFlow(tx, user.id, pkce, 'email_change');
        await sendEmailChange({ db: tx, config: ctx.config, limits: ctx.limits }, user, email, { redirectTo, pkce: Boolean(pkce) });
      }
    }
    await audit(tx, password !== undefined ? 'user_updated_password' : 'user_modified', user, req.ip);
    return userJson(tx, (await findUserById(tx, user.id))!);
  });
  return ok(updated);
};

const scopes = ['global', 'local', 'others'] as const;

export const logout: Handler = async (ctx, req) => {
  const scope = req.query.get('scope') ?? 'global';
  if (!scopes.some((s) => s === scope)) throw validationFailed(`Unsupported logout scope "${scope}"`);
  try {
    const { user, session } = await requireUser(ctx, req);
    await endSessions(ctx.db, user.id, session.id, scope);
    await audit(ctx.db, 'logout', user, req.ip, { scope });
  } catch (err) {
    // Signing out of a session that is already gone is not an error (GoTrue answers 204 too).
    if (!(err instanceof AuthHttpError && err.errorCode === 'session_not_found')) throw err;
  }
  return noContent();
};
