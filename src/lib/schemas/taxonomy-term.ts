import { z } from 'zod';
import { optionalRef, optionalText, rowId, typedText } from './common.ts';

/** One term in a taxonomy; Signpost adds resident-friendly wording and synonyms for search. */
export const taxonomyTermSchema = z.object({
  id: rowId,
  taxonomy_id: optionalRef,
  parent_id: optionalRef,
  code: optionalText,
  name: typedText().trim().min(1),
  description: optionalText,
  language: typedText()
    .nullish()
    .transform((value) => value ?? 'en'),
  term_uri: optionalText,
  resident_label: optionalText,
  synonyms: z
    .array(typedText())
    .nullish()
    .transform((value) => value ?? []),
});

export type TaxonomyTerm = z.infer<typeof taxonomyTermSchema>;
export type TaxonomyTermInput = z.input<typeof taxonomyTermSchema>;
