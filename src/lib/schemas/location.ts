import { z } from 'zod';
import { latitude, longitude, optionalRef, optionalText, rowId, timestamp, typedText } from './common.ts';

/** A place where services happen (ORUK `location` with its physical address folded in). */
export const locationSchema = z.object({
  id: rowId,
  organization_id: optionalRef,
  location_type: z.enum(['physical', 'postal', 'virtual']).default('physical'),
  name: optionalText,
  alternate_name: optionalText,
  description: optionalText,
  transportation: optionalText,
  address_1: optionalText,
  address_2: optionalText,
  city: optionalText,
  region: optionalText,
  state_province: optionalText,
  postal_code: optionalText,
  country: typedText().trim().length(2).default('GB'),
  latitude,
  longitude,
  accessibility: optionalText,
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
});

export type Location = z.infer<typeof locationSchema>;
export type LocationInput = z.input<typeof locationSchema>;
