import { z } from 'zod';
import { optionalText, rowId, timestamp, typedText } from './common.ts';

/** An organisation that runs services (ORUK `organization`). */
export const organizationSchema = z.object({
  id: rowId,
  name: typedText().trim().min(1, 'Give the organisation a name'),
  alternate_name: optionalText,
  description: optionalText,
  email: optionalText,
  url: optionalText,
  logo: optionalText,
  uri: optionalText,
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
});

export type Organization = z.infer<typeof organizationSchema>;
export type OrganizationInput = z.input<typeof organizationSchema>;
