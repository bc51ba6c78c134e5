import { exportLoadedCatalogue, type CatalogueExport } from '../oruk/export.ts';
import { loadPublishedCatalogue } from '../oruk/load-catalogue.ts';
import type { Catalogue } from '../schemas/catalogue.ts';
import { supabaseClient } from '../supabase.ts';
import { buildListings, type Listing } from './listing.ts';

export interface Need {
  code: string;
  label: string;
  name: string;
  description: string | null;
}

export interface Directory {
  catalogue: Catalogue;
  listings: Listing[];
  needs: Need[];
  /** The same directory as Open Referral UK 3.0 documents, for the open-data files. */
  oruk: CatalogueExport;
}

let cached: Promise<Directory> | undefined;

/**
 * The public directory as the anon key sees it (RLS decides what is published). Read once per
 * build: every page of the build shares the same snapshot.
 */
export function loadDirectory(): Promise<Directory> {
  cached ??= (async () => {
    const catalogue = await loadPublishedCatalogue(supabaseClient());
    const needs = catalogue.taxonomy_terms
      .filter((t) => t.taxonomy_id === 'signpost-needs')
      .map((t) => ({ code: t.code ?? t.id, label: t.resident_label ?? t.name, name: t.name, description: t.description ?? null }));
    return { catalogue, listings: buildListings(catalogue), needs, oruk: exportLoadedCatalogue(catalogue) };
  })();
  return cached;
}
