// Sessions and refresh tokens: one auth.sessions row per sign-in, a chain of rotating
// auth.refresh_tokens under it, and the AMR claims that say how the session was authenticated.
import { randomUUID } from 'node:crypto';
import type { AuthConfig } from './config.ts';
import type { Queryable } from './db.ts';
import { audit } from './audit.ts';
import { badRequest } from './errors.ts';
import { newRefreshToken, signAccessToken, type AmrEntry } from './tokens.ts';
import { findUserById, userJson, type UserRow } from './users.ts';

export interface SessionRow {
  id: string;
  user_id: string;
  aal: string | null;
  factor_id: string | null;
  not_after: Date | null;
  created_at: Date;
}

interface RefreshRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  parent: string | null;
  session_id: string;
  updated_at: Date;
}

/** The body of every successful sign-in, as GoTrue's AccessTokenResponse. */
export async function tokenResponse(db: Queryable, config: AuthConfig, user: UserRow, session: SessionRow, refreshToken: string) {
  const { rows: amrRows } = await db.query<{ authentication_method: string; created_at: Date }>(
    'select authentication_method, created_at from auth.mfa_amr_claims where session_id = $1 order by created_at desc',
    [session.id],
  );
  const amr: AmrEntry[] = amrRows.map((r) => ({ method: r.authentication_method, timestamp: Math.floor(r.created_at.getTime() / 1000) }));
  const { token, exp } = await signAccessToken(config, {
    sub: user.id,
    email: user.email ?? '',
    phone: user.phone ?? '',
    // Users seeded straight into auth.users may have an empty role; GoTrue falls back the same way.
    role: user.role || 'authenticated',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    is_anonymous: user.is_anonymous,
    aal: session.aal ?? 'aal1',
    amr,
    session_id: session.id,
  });
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: config.jwtExp,
    expires_at: exp,
    refresh_token: refreshToken,
    user: await userJson(db, user),
  };
}

export async function addAmrClaim(db: Queryable, sessionId: string, method: string): Promise<void> {
  await db.query(
    `insert into auth.mfa_amr_claims (session_id, created_at, updated_at, authentication_method, id)
     values ($1, now(), now(), $2, $3)
     on conflict (session_id, authentication_method) do update set updated_at = now(), created_at = now()`,
    [sessionId, method, randomUUID()],
  );
}

async function insertRefreshToken(db: Queryable, userId: string, sessionId: string, parent: string | null): Promise<string> {
  const token = newRefreshToken();
  await db.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
    [token, userId, parent, sessionId],
  );
  return token;
}

/** Starts a new session for a user who just proved who they are with `method` (GoTrue's AMR names). */
export async function signIn(db: Queryable, config: AuthConfig, user: UserRow, method: string, ip: string) {
  const sessionId = randomUUID();
  const { rows } = await db.query<SessionRow>(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, refreshed_at)
     values ($1, $2, now(), now(), 'aal1', now()) returning *`,
    [sessionId, user.id],
  );
  await addAmrClaim(db, sessionId, method);
  const { rows: fresh } = await db.query<UserRow>(
    'update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1 returning *',
    [user.id],
  );
  await db.query('update auth.identities set last_sign_in_at = now() where user_id = $1', [user.id]);
  const refreshToken = await insertRefreshToken(db, user.id, sessionId, null);
  await audit(db, 'login', user, ip, { provider: user.is_anonymous ? 'anonymous' : 'email', method });
  return tokenResponse(db, config, fresh[0]!, rows[0]!, refreshToken);
}

export async function findSession(db: Queryable, id: string | undefined): Promise<SessionRow | undefined> {
  if (!id) return undefined;
  const { rows } = await db.query<SessionRow>('select * from auth.sessions where id = $1', [id]);
  return rows[0];
}

/** Issues a fresh refresh token for the same session (after MFA verification, for example). */
export async function reissue(db: Queryable, config: AuthConfig, user: UserRow, session: SessionRow) {
  await db.query('update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false', [
    session.id,
  ]);
  const token = await insertRefreshToken(db, user.id, session.id, null);
  return tokenResponse(db, config, user, session, token);
}

const notFound = () => badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');

/**
 * grant_type=refresh_token with GoTrue's rotation and reuse detection: a revoked token is
 * honoured only if it is the parent of the active token and was revoked within the reuse
 * interval (a client that lost the response); any other reuse revokes the whole session.
 */
export async function refresh(db: Queryable, config: AuthConfig, presented: string) {
  const { rows } = await db.query<RefreshRow>('select * from auth.refresh_tokens where token = $1 for update', [presented]);
  const token = rows[0];
  if (!token) throw notFound();
  const session = await findSession(db, token.session_id);
  const user = await findUserById(db, token.user_id);
  if (!session || !user) throw notFound();
  if (user.banned_until && user.banned_until > new Date()) throw badRequest('user_banned', 'User is banned');
  if (session.not_after && session.not_after < new Date()) {
    throw badRequest('session_expired', 'Invalid Refresh Token: Session Expired');
  }
  if (token.revoked) {
    const { rows: active } = await db.query<RefreshRow>(
      'select * from auth.refresh_tokens where session_id = $1 and revoked = false order by id desc limit 1',
      [session.id],
    );
    const withinInterval = Date.now() - token.updated_at.getTime() < config.refreshReuseInterval * 1000;
    const current = active[0];
    if (current && current.parent === token.token && withinInterval) {
      return { response: await tokenResponse(db, config, user, session, current.token), revokedFamily: false };
    }
    await db.query('update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1', [session.id]);
    await audit(db, 'token_revoked', user, '', { reason: 'refresh token reused' });
    return { response: undefined, revokedFamily: true };
  }
  let next = token.token;
  if (config.refreshRotation) {
    await db.query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [token.id]);
    next = await insertRefreshToken(db, user.id, session.id, token.token);
  }
  await db.query('update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1', [session.id]);
  return { response: await tokenResponse(db, config, user, session, next), revokedFamily: false };
}

export async function logout(db: Queryable, userId: string, sessionId: string | undefined, scope: string): Promise<void> {
  if (scope === 'global' || !sessionId) {
    await db.query('delete from auth.sessions where user_id = $1', [userId]);
  } else if (scope === 'others') {
    await db.query('delete from auth.sessions where user_id = $1 and id <> $2', [userId, sessionId]);
  } else {
    await db.query('delete from auth.sessions where id = $1', [sessionId]);
  }
}
