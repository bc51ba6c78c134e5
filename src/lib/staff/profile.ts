import { z } from 'zod';
import type { SessionClient } from '../supabase-session.ts';
import { staffMemberSchema } from '../schemas/staff-member.ts';

/** Who the signed-in member of staff is: their staff row and their team, as row level security lets them read it. */
export const staffProfileSchema = staffMemberSchema.pick({ user_id: true, role: true, display_name: true }).extend({
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type StaffProfile = z.infer<typeof staffProfileSchema> & { email: string };

export class StaffProfileError extends Error {}

/** Reads the person's own staff row; needs an aal2 session (staff rows are hidden before the second factor). */
export async function loadStaffProfile(client: SessionClient, user: { id: string; email?: string | undefined }): Promise<StaffProfile> {
  const { data, error } = await client
    .from('staff_members')
    .select('user_id, role, display_name, team:teams(id, name)')
    .eq('user_id', user.id)
    .maybeSingle();
  if (error) throw new StaffProfileError(`Your staff details could not be loaded (${error.message}). Try again in a minute.`);
  if (!data) throw new StaffProfileError('Your staff details could not be found. Ask an administrator to check your account.');
  return { ...staffProfileSchema.parse(data), email: user.email ?? '' };
}
