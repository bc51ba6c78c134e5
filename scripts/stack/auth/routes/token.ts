// POST /token: grant_type=password and grant_type=refresh_token.
import type { Handler } from '../context.ts';
import { inTransaction } from '../db.ts';
import { badRequest, invalidCredentials, unprocessable, validationFailed } from '../errors.ts';
import { idTokenGrant, web3Grant } from './disabled-features.ts';
import { ok, str } from '../http.ts';
import { passwordMatches } from '../passwords.ts';
import { exchangeAuthCode } from '../pkce.ts';
import { refresh, signIn } from '../sessions.ts';
import { findUserByEmail, findUserById, normaliseEmail } from '../users.ts';

const passwordGrant: Handler = async (ctx, req) => {
  const email = str(req.body, 'email');
  const password = str(req.body, 'password') ?? '';
  if (!email) {
    if (str(req.body, 'phone')) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
    throw validationFailed('missing email or phone');
  }
  ctx.limits.token(`${req.ip}|${normaliseEmail(email)}`);
  const user = await findUserByEmail(ctx.db, email);
  // Same answer for an unknown address and a wrong password, so addresses cannot be probed.
  if (!(await passwordMatches(user?.encrypted_password, password)) || !user) throw invalidCredentials();
  if (user.banned_until && user.banned_until > new Date()) throw badRequest('user_banned', 'User is banned');
  if (!user.email_confirmed_at && !ctx.config.mailerAutoconfirm) throw badRequest('email_not_confirmed', 'Email not confirmed');
  return ok(await inTransaction(ctx.db, (tx) => signIn(tx, ctx.config, user, 'password', req.ip)));
};

const refreshGrant: Handler = async (ctx, req) => {
  const presented = str(req.body, 'refresh_token');
  if (!presented) throw badRequest('validation_failed', 'refresh_token required');
  ctx.limits.token(`${req.ip}|refresh`);
  const outcome = await inTransaction(ctx.db, (tx) => refresh(tx, ctx.config, presented));
  // The family is revoked (committed above) before the reuse is refused.
  if (!outcome.response) throw badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');
  return ok(outcome.response);
};

const pkceGrant: Handler = async (ctx, req) => {
  const authCode = str(req.body, 'auth_code');
  const verifier = str(req.body, 'code_verifier');
  if (!authCode || !verifier)
    throw badRequest('validation_failed', 'invalid request: both auth code and code verifier should be non-empty');
  ctx.limits.token(`${req.ip}|pkce`);
  return ok(
    await inTransaction(ctx.db, async (tx) => {
      const { userId, authMethod } = await exchangeAuthCode(tx, authCode, verifier);
      const user = await findUserById(tx, userId);
      if (!user) throw badRequest('user_not_found', 'User not found');
      return signIn(tx, ctx.config, user, authMethod, req.ip);
    }),
  );
};

export const token: Handler = async (ctx, req, params) => {
  const grant = req.query.get('grant_type');
  if (grant === 'password') return passwordGrant(ctx, req, params);
  if (grant === 'refresh_token') return refreshGrant(ctx, req, params);
  if (grant === 'pkce') return pkceGrant(ctx, req, params);
  if (grant === 'id_token') return idTokenGrant(ctx, req, params);
  if (grant === 'web3') return web3Grant(ctx, req, params);
  throw badRequest('invalid_credentials', 'unsupported_grant_type');
};
