import { z } from 'zod';
import { optionalText, rowId } from './common.ts';

/** A language a service is offered in (ORUK `language`). */
export const languageSchema = z.object({
  id: rowId,
  service_id: rowId,
  name: optionalText,
  code: optionalText,
  note: optionalText,
});

export type Language = z.infer<typeof languageSchema>;
export type LanguageInput = z.input<typeof languageSchema>;
