import type { SupabaseClient } from '@supabase/supabase-js';
import type { StaffInvite } from '../../../src/lib/schemas/staff-invite.ts';

/**
 * Inviting a member of staff with the service role: the Auth admin API emails the invitation,
 * then the staff row gives the new account its role and team. Used by the `staff-invite` Edge
 * Function (for admins in the workspace) and by `npm run staff:invite`; never by a browser.
 */
export class InviteError extends Error {
  readonly status: number;
  readonly field: keyof StaffInvite | undefined;
  constructor(status: number, message: string, field?: keyof StaffInvite) {
    super(message);
    this.name = 'InviteError';
    this.status = status;
    this.field = field;
  }
}

/**
 * What inviting needs of a service-role client. Only its public parts: the Edge Function's client
 * (Deno's copy of supabase-js) and the script's (Node's) are the same library from two folders.
 */
export type InvitingClient = Pick<SupabaseClient, 'from' | 'auth'>;

export async function inviteStaff(admin: InvitingClient, invite: StaffInvite): Promise<{ userId: string }> {
  if (invite.team_id) {
    const team = await admin.from('teams').select('id').eq('id', invite.team_id).maybeSingle();
    if (team.error) throw new InviteError(502, `The team could not be checked: ${team.error.message}`);
    if (!team.data) throw new InviteError(400, 'That team does not exist any more. Choose another team.', 'team_id');
  }
  const { data, error } = await admin.auth.admin.inviteUserByEmail(invite.email, {
    data: { display_name: invite.display_name },
    ...(invite.redirect_to ? { redirectTo: invite.redirect_to } : {}),
  });
  if (error) {
    if (error.code === 'email_exists')
      throw new InviteError(
        409,
        `${invite.email} already has a Signpost account that has been used, so it cannot be invited. Ask them which address to use, or ask a developer to link that account.`,
        'email',
      );
    throw new InviteError(error.status && error.status < 500 ? 400 : 502, `The invitation was not sent: ${error.message}`, 'email');
  }
  // Inviting an address that was invited before and never used sends the invitation again; its
  // staff row then takes the new role, team and name.
  const staff = await admin
    .from('staff_members')
    .upsert(
      { user_id: data.user.id, role: invite.role, team_id: invite.team_id, display_name: invite.display_name, active: true },
      { onConflict: 'user_id' },
    );
  if (staff.error)
    throw new InviteError(502, `The invitation was sent but the staff role was not saved: ${staff.error.message}. Invite them again.`);
  return { userId: data.user.id };
}
