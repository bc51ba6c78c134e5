import { z } from 'zod';
import { staffRoleSchema } from '../schemas/staff-member.ts';

/**
 * FICTIONAL SAMPLE DATA: the staff accounts `npm start` makes on the local stack, so each part of
 * the workspace can be tried as each role. Teams are named as in the sample places. Never made
 * anywhere but the local stack (scripts/lib/seed-staff.ts refuses).
 */
export const sampleStaffSchema = z.object({
  email: z.email(),
  display_name: z.string().min(1),
  role: staffRoleSchema,
  team: z.string().nullable(),
});
export type SampleStaff = z.infer<typeof sampleStaffSchema>;

export const sampleStaff: SampleStaff[] = z.array(sampleStaffSchema).parse([
  { email: 'priya.shah@staff.example.org', display_name: 'Priya Shah', role: 'link_worker', team: 'Lynn and the Coast PCN Link Workers' },
  { email: 'tom.okafor@staff.example.org', display_name: 'Tom Okafor', role: 'link_worker', team: 'Marshland and Fens PCN Link Workers' },
  { email: 'jo.evans@staff.example.org', display_name: 'Jo Evans', role: 'link_worker', team: 'Darlington Wellbeing Navigators' },
  { email: 'sam.patel@staff.example.org', display_name: 'Sam Patel', role: 'coordinator', team: 'West Norfolk Community Connectors' },
  { email: 'alex.morgan@staff.example.org', display_name: 'Alex Morgan', role: 'curator', team: null },
  { email: 'chris.lee@staff.example.org', display_name: 'Chris Lee', role: 'admin', team: null },
]);
