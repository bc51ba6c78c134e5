import { z } from 'zod';
import { timestamp, typedText } from './common.ts';

export const staffRoles = ['link_worker', 'coordinator', 'curator', 'admin'] as const;
export const staffRoleSchema = z.enum(staffRoles);

/** A signed-in person's job in a team; the role decides what the database lets them do. */
export const staffMemberSchema = z.object({
  id: z.uuid(),
  user_id: z.uuid(),
  team_id: z
    .uuid()
    .nullish()
    .transform((value) => value ?? null),
  role: staffRoleSchema,
  display_name: typedText().trim().min(1),
  active: z.boolean().default(true),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
});

export type StaffMember = z.infer<typeof staffMemberSchema>;
export type StaffRole = z.infer<typeof staffRoleSchema>;
