import type { SupabaseClient } from '@supabase/supabase-js';
import { toHsdsPage, toHsdsServices } from './export-mapping.ts';
import type { HsdsPage, HsdsService } from './hsds3.ts';
import { loadPublishedCatalogue } from './load-catalogue.ts';
import type { Catalogue } from '../schemas/catalogue.ts';

export type CatalogueExport = { services: HsdsService[]; dataset: HsdsPage };

/**
 * The published directory as Open Referral UK 3.0 documents: one per service and the whole
 * dataset as a single `/services` page. Every document has been checked against the ORUK zod
 * shapes. The build writes them as static files (see writeExportFiles).
 */
export async function exportCatalogue(source: string | SupabaseClient): Promise<CatalogueExport> {
  return exportLoadedCatalogue(await loadPublishedCatalogue(source));
}

/** The same, from a catalogue already read (the site build reads it once for every page). */
export function exportLoadedCatalogue(catalogue: Catalogue): CatalogueExport {
  const services = toHsdsServices(catalogue);
  return { services, dataset: toHsdsPage(services) };
}
