import { z } from 'zod';
import { optionalText, rowId } from './common.ts';

/** Where a service's users must live (ORUK `service_area`); extent is GeoJSON when given. */
export const serviceAreaSchema = z.object({
  id: rowId,
  service_id: rowId,
  name: optionalText,
  description: optionalText,
  extent: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((value) => value ?? null),
  extent_type: optionalText,
  uri: optionalText,
});

export type ServiceArea = z.infer<typeof serviceAreaSchema>;
export type ServiceAreaInput = z.input<typeof serviceAreaSchema>;
