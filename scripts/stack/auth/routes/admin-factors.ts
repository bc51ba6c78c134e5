// Admin view of a user's MFA factors: list them, or remove one (for example when a link worker
// loses the phone their authenticator app was on).
import type { Handler } from '../context.ts';
import { audit } from '../audit.ts';
import { inTransaction } from '../db.ts';
import { notFound } from '../errors.ts';
import { requireAdmin } from '../guard.ts';
import { ok } from '../http.ts';
import { findUserById, type FactorRow } from '../users.ts';

export const listUserFactors: Handler = async (ctx, req, params) => {
  await requireAdmin(ctx, req);
  const user = await findUserById(ctx.db, params.id!);
  if (!user) throw notFound('user_not_found', 'User not found');
  const { rows } = await ctx.db.query<FactorRow>(
    'select id, friendly_name, factor_type, status, created_at, updated_at from auth.mfa_factors where user_id = $1 order by created_at',
    [user.id],
  );
  return ok(
    rows.map((f) => ({
      ...f,
      friendly_name: f.friendly_name ?? '',
      created_at: f.created_at.toISOString(),
      updated_at: f.updated_at.toISOString(),
    })),
  );
};

export const deleteUserFactor: Handler = async (ctx, req, params) => {
  await requireAdmin(ctx, req);
  const user = await findUserById(ctx.db, params.id!);
  if (!user) throw notFound('user_not_found', 'User not found');
  await inTransaction(ctx.db, async (tx) => {
    const { rows } = await tx.query<{ id: string }>('delete from auth.mfa_factors where id::text = $1 and user_id = $2 returning id', [
      params.factorId ?? '',
      user.id,
    ]);
    if (!rows[0]) throw notFound('mfa_factor_not_found', 'Factor not found');
    await tx.query("update auth.sessions set aal = 'aal1', factor_id = null where factor_id = $1", [rows[0].id]);
    await audit(tx, 'factor_unenrolled', user, req.ip, { factor_id: rows[0].id, via: 'admin' });
  });
  return ok({ id: params.factorId });
};
