import type { StaffRole } from '../schemas/staff-member.ts';

/** Each staff role in words, with what it lets the person do, as the workspace shows it. */
export const staffRoleText: Record<StaffRole, { name: string; does: string }> = {
  link_worker: { name: 'Link worker', does: 'works with the people referred to their team' },
  coordinator: { name: 'Coordinator', does: 'triages referrals between the teams serving their area' },
  curator: { name: 'Directory curator', does: 'keeps the directory of services up to date' },
  admin: { name: 'Administrator', does: 'invites staff and manages teams, and can curate the directory' },
};

/** Roles that work inside a team, so an invitation must name one. */
export const rolesInATeam: readonly StaffRole[] = ['link_worker', 'coordinator'];
