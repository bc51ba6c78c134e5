import { z } from 'zod';
import { optionalText, rowId } from './common.ts';

/** Links a service to a location where it runs (ORUK `service_at_location`). */
export const serviceAtLocationSchema = z.object({
  id: rowId,
  service_id: rowId,
  location_id: rowId,
  description: optionalText,
});

export type ServiceAtLocation = z.infer<typeof serviceAtLocationSchema>;
export type ServiceAtLocationInput = z.input<typeof serviceAtLocationSchema>;
