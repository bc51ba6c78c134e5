import { z } from 'zod';
import { optionalRef, optionalText, rowId } from './common.ts';

/** One term in a taxonomy; Signpost adds resident-friendly wording and synonyms for search. */
export const taxonomyTermSchema = z.object({
  id: rowId,
  taxonomy_id: optionalRef,
  parent_id: optionalRef,
  code: optionalText,
  name: z.string().trim().min(1),
  description: optionalText,
  language: z
    .string()
    .nullish()
    .transform((value) => value ?? 'en'),
  term_uri: optionalText,
  resident_label: optionalText,
  synonyms: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
});

export type TaxonomyTerm = z.infer<typeof taxonomyTermSchema>;
export type TaxonomyTermInput = z.input<typeof taxonomyTermSchema>;
