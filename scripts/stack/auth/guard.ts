// Who is calling: a signed-in user (JWT bound to a live session) or an admin (service role).
import type { AuthContext } from './context.ts';
import { forbidden } from './errors.ts';
import type { AuthRequest } from './http.ts';
import { findSession, type SessionRow } from './sessions.ts';
import { verifyBearer, type VerifiedClaims } from './tokens.ts';
import { findUserById, type UserRow } from './users.ts';

export interface Caller {
  claims: VerifiedClaims;
  user: UserRow;
  session: SessionRow;
}

export async function requireUser(ctx: AuthContext, req: AuthRequest): Promise<Caller> {
  const claims = await verifyBearer(ctx.config, req.bearer);
  if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  const user = await findUserById(ctx.db, claims.sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  // A signed-out session's access tokens stop working at once, as on GoTrue.
  const session = await findSession(ctx.db, claims.session_id);
  if (!session || session.user_id !== user.id) {
    throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  return { claims, user, session };
}

export async function requireAdmin(ctx: AuthContext, req: AuthRequest): Promise<VerifiedClaims> {
  const claims = await verifyBearer(ctx.config, req.bearer);
  if (!claims.role || !ctx.config.adminRoles.includes(claims.role)) {
    throw forbidden('not_admin', 'User not allowed');
  }
  return claims;
}
