import { z } from 'zod';
import { rowId } from './common.ts';

/** Says a service meets a need or sits under a category (ORUK v1 `service_taxonomy`). */
export const serviceTaxonomySchema = z.object({
  id: rowId,
  service_id: rowId,
  taxonomy_term_id: rowId,
});

export type ServiceTaxonomy = z.infer<typeof serviceTaxonomySchema>;
export type ServiceTaxonomyInput = z.input<typeof serviceTaxonomySchema>;
