import { z } from 'zod';
import { optionalText, rowId, typedText } from './common.ts';

/** A vocabulary of terms, such as Signpost's needs or a publisher's own categories. */
export const taxonomySchema = z.object({
  id: rowId,
  name: typedText().trim().min(1),
  description: optionalText,
  uri: optionalText,
  version: optionalText,
});

export type Taxonomy = z.infer<typeof taxonomySchema>;
export type TaxonomyInput = z.input<typeof taxonomySchema>;
