import { z } from 'zod';
import { rolesInATeam } from '../staff/roles.ts';
import { typedText } from './common.ts';
import { staffRoles } from './staff-member.ts';

/**
 * An admin's invitation of a new member of staff: the one schema the invite form, the
 * `staff-invite` Edge Function and `npm run staff:invite` all check.
 */
export const staffInviteSchema = z
  .object({
    display_name: typedText({ error: 'Enter their name, as colleagues will see it' })
      .trim()
      .min(1, 'Enter their name, as colleagues will see it')
      .max(120, 'Enter a name of 120 characters or fewer'),
    email: z
      .string({ error: 'Enter their work email address' })
      .trim()
      .min(1, 'Enter their work email address')
      .pipe(z.email('Enter an email address in the correct format, like name@example.org')),
    role: z.enum(staffRoles, { error: 'Select their role' }),
    team_id: z
      .union([z.uuid({ error: 'Select their team' }), z.literal(''), z.null()])
      .optional()
      .transform((team) => team || null),
    /** Where the invitation link lands: the workspace's address on the site that sent it. */
    redirect_to: z.url().max(2048).optional(),
  })
  .superRefine((invite, ctx) => {
    if (rolesInATeam.includes(invite.role) && !invite.team_id)
      ctx.addIssue({ code: 'custom', path: ['team_id'], message: 'Select their team: link workers and coordinators work in a team' });
  });

export type StaffInviteInput = z.input<typeof staffInviteSchema>;
export type StaffInvite = z.output<typeof staffInviteSchema>;
