import { z } from 'zod';
import { optionalRef, optionalText, rowId } from './common.ts';

/** A named person or role to contact about a service (ORUK `contact`). */
export const contactSchema = z.object({
  id: rowId,
  service_id: optionalRef,
  name: optionalText,
  title: optionalText,
  department: optionalText,
  email: optionalText,
});

export type Contact = z.infer<typeof contactSchema>;
export type ContactInput = z.input<typeof contactSchema>;
