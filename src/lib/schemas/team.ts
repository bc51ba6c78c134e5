import { z } from 'zod';
import { optionalRef, optionalText, timestamp, typedText } from './common.ts';

export const teamKinds = ['pcn_link_workers', 'vcse_social_prescribing', 'hospital_discharge'] as const;
export const teamKindSchema = z.enum(teamKinds);

/** A team that takes referrals: PCN link workers, a voluntary-sector service or a discharge team. */
export const teamSchema = z.object({
  id: z.uuid(),
  kind: teamKindSchema,
  name: typedText().trim().min(1),
  description: optionalText,
  organization_id: optionalRef,
  contact_email: optionalText,
  contact_phone: optionalText,
  is_public: z.boolean().default(true),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
});

export type Team = z.infer<typeof teamSchema>;
export type TeamInput = z.input<typeof teamSchema>;
export type TeamKind = z.infer<typeof teamKindSchema>;
