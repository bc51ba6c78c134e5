import { z } from 'zod';
import { latitude, longitude, optionalText, timestamp, typedText } from './common.ts';

/** A GP practice and the PCN it belongs to. */
export const gpPracticeSchema = z.object({
  id: z.uuid(),
  code: z.string().regex(/^[A-Z]\d{5}$/, 'Use the ODS practice code, for example D82001'),
  name: typedText().trim().min(1),
  pcn_id: z.uuid(),
  address: optionalText,
  postcode: optionalText,
  latitude,
  longitude,
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
});

export type GpPractice = z.infer<typeof gpPracticeSchema>;
export type GpPracticeInput = z.input<typeof gpPracticeSchema>;
