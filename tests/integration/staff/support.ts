import { TOTP, Secret } from 'otpauth';
import type { StaffRole } from '../../../src/lib/schemas/staff-member.ts';
import { confirmedUser, sql } from '../auth/helpers.ts';

export const totpCode = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate();

/**
 * A member of staff signed in for real through Auth: password, then (unless `aal1`) a TOTP factor
 * enrolled and verified, so the session is aal2 as the workspace would have it.
 */
export async function signedInStaff(label: string, role: StaffRole, options: { aal1?: boolean; teamId?: string | null } = {}) {
  const user = await confirmedUser(label);
  await sql(`insert into public.staff_members (user_id, role, team_id, display_name) values ($1, $2, $3, $4)`, [
    user.id,
    role,
    options.teamId ?? null,
    `Test ${role}`,
  ]);
  if (!options.aal1) {
    const { data, error } = await user.client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'Test app' });
    if (error) throw error;
    const verified = await user.client.auth.mfa.challengeAndVerify({ factorId: data.id, code: totpCode(data.totp.secret) });
    if (verified.error) throw verified.error;
  }
  return user;
}

/** A team from the sample data, for invitations that need one. */
export async function anyTeam(): Promise<{ id: string; name: string }> {
  const [team] = await sql<{ id: string; name: string }>(`select id::text, name from public.teams order by name limit 1`);
  return team!;
}
