import { z } from 'zod';
import { optionalText, timestamp, typedText } from './common.ts';
import { areaGeometrySchema } from './geojson.ts';

export const socialLinkSchema = z.object({ label: typedText().trim().min(1), url: z.url() });

/** A Primary Care Network: a group of GP practices with its own link-worker team. */
export const pcnSchema = z.object({
  id: z.uuid(),
  code: z.string().regex(/^[A-Z0-9]{3,8}$/, 'Use the ODS code, for example U12345'),
  name: typedText().trim().min(1),
  icb: typedText().trim().min(1),
  boundary: areaGeometrySchema.nullish().transform((value) => value ?? null),
  team_description: optionalText,
  contact_email: optionalText,
  contact_phone: optionalText,
  social_links: z.array(socialLinkSchema).default([]),
  self_referral_open: z.boolean().default(false),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
});

export type Pcn = z.infer<typeof pcnSchema>;
export type PcnInput = z.input<typeof pcnSchema>;
