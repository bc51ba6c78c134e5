// GoTrue's audit trail: one auth.audit_log_entries row per account event, with GoTrue's action
// names, so anything that reads the trail on hosted Supabase reads it here too.
import { randomUUID } from 'node:crypto';
import type { Queryable } from './db.ts';
import type { UserRow } from './users.ts';

export type AuditAction =
  | 'user_signedup'
  | 'login'
  | 'logout'
  | 'token_refreshed'
  | 'token_revoked'
  | 'user_confirmation_requested'
  | 'user_recovery_requested'
  | 'user_reauthenticate_requested'
  | 'user_updated_password'
  | 'user_modified'
  | 'user_deleted'
  | 'user_invited'
  | 'factor_in_progress'
  | 'factor_unenrolled'
  | 'verification_attempted';

const logTypes: Record<AuditAction, string> = {
  user_signedup: 'team',
  login: 'account',
  logout: 'account',
  token_refreshed: 'token',
  token_revoked: 'token',
  user_reauthenticate_requested: 'user',
  user_confirmation_requested: 'user',
  user_recovery_requested: 'user',
  user_updated_password: 'user',
  user_modified: 'user',
  user_deleted: 'team',
  user_invited: 'team',
  factor_in_progress: 'factor',
  factor_unenrolled: 'factor',
  verification_attempted: 'user',
};

export async function audit(
  db: Queryable,
  action: AuditAction,
  actor: Pick<UserRow, 'id' | 'email'>,
  ip: string,
  traits: Record<string, unknown> = {},
): Promise<void> {
  const payload = {
    action,
    actor_id: actor.id,
    actor_username: actor.email ?? '',
    actor_via_sso: false,
    log_type: logTypes[action],
    ...(Object.keys(traits).length ? { traits } : {}),
  };
  await db.query(
    `insert into auth.audit_log_entries (instance_id, id, payload, created_at, ip_address)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, now(), $3)`,
    [randomUUID(), payload, ip.slice(0, 64)],
  );
}
