import { z } from 'zod';
import { optionalRef, optionalText, rowId, typedText } from './common.ts';

/** A phone number for a service or one of its contacts (ORUK `phone`). */
export const phoneSchema = z
  .object({
    id: rowId,
    service_id: optionalRef,
    contact_id: optionalRef,
    number: typedText().trim().min(3, 'A phone number is too short'),
    extension: optionalText,
    type: optionalText,
    description: optionalText,
  })
  .refine((p) => p.service_id != null || p.contact_id != null, {
    message: 'A phone number must belong to a service or a contact',
  });

export type Phone = z.infer<typeof phoneSchema>;
export type PhoneInput = z.input<typeof phoneSchema>;
