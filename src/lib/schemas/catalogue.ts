import { z } from 'zod';
import { contactSchema } from './contact.ts';
import { costOptionSchema } from './cost-option.ts';
import { languageSchema } from './language.ts';
import { locationSchema } from './location.ts';
import { organizationSchema } from './organization.ts';
import { phoneSchema } from './phone.ts';
import { scheduleSchema } from './schedule.ts';
import { serviceAreaSchema } from './service-area.ts';
import { serviceAtLocationSchema } from './service-at-location.ts';
import { serviceTaxonomySchema } from './service-taxonomy.ts';
import { serviceSchema } from './service.ts';
import { taxonomyTermSchema } from './taxonomy-term.ts';
import { taxonomySchema } from './taxonomy.ts';

/**
 * The directory as rows, table by table, in the order they can be written (parents first).
 * Import, sample data, the generator and export all meet in this shape.
 */
export const catalogueTables = {
  organizations: organizationSchema,
  taxonomies: taxonomySchema,
  taxonomy_terms: taxonomyTermSchema,
  services: serviceSchema,
  locations: locationSchema,
  service_at_locations: serviceAtLocationSchema,
  schedules: scheduleSchema,
  cost_options: costOptionSchema,
  contacts: contactSchema,
  phones: phoneSchema,
  languages: languageSchema,
  service_areas: serviceAreaSchema,
  service_taxonomies: serviceTaxonomySchema,
} as const;

export type CatalogueTable = keyof typeof catalogueTables;
export const catalogueTableNames = Object.keys(catalogueTables) as CatalogueTable[];

export const catalogueSchema = z.object(
  Object.fromEntries(catalogueTableNames.map((t) => [t, z.array(catalogueTables[t]).default([])])) as {
    [T in CatalogueTable]: z.ZodDefault<z.ZodArray<(typeof catalogueTables)[T]>>;
  },
);

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueInput = z.input<typeof catalogueSchema>;

export function emptyCatalogue(): Catalogue {
  return catalogueSchema.parse({});
}
