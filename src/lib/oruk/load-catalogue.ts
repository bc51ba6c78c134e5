import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { type Catalogue, type CatalogueTable, catalogueSchema, catalogueTableNames } from '../schemas/catalogue.ts';
import { SignpostError } from '../errors.ts';
import { connect } from './db.ts';

export class CatalogueLoadError extends SignpostError {}

/**
 * Reads the public directory: published services and everything they need. From a database URL
 * (build scripts) it reads as postgres but keeps to published rows itself; from a supabase-js
 * client it reads whatever that client's role may see, which for anon is exactly the public set.
 */
export async function loadPublishedCatalogue(source: string | SupabaseClient): Promise<Catalogue> {
  const raw = typeof source === 'string' ? await loadWithPg(source) : await loadWithSupabase(source);
  const parsed = catalogueSchema.safeParse(raw);
  if (!parsed.success)
    throw new CatalogueLoadError(`The directory in the database does not match its schema: ${parsed.error.message.slice(0, 500)}`);
  return parsed.data;
}

// The same rows the anon policies let through (supabase/migrations): keep the two in step.
const publishedFilter: Partial<Record<CatalogueTable, string>> = {
  organizations: `visibility = 'always' or (visibility = 'when published'
    and id in (select organization_id from public.services where published))`,
  locations: `visibility = 'always' or (visibility = 'when published'
    and id in (select sal.location_id from public.service_at_locations sal join public.services s on s.id = sal.service_id where s.published))`,
  services: 'published',
  service_at_locations: 'service_id in (select id from public.services where published)',
  schedules: `coalesce(service_id, (select sal.service_id from public.service_at_locations sal where sal.id = service_at_location_id))
    in (select id from public.services where published)`,
  cost_options: 'service_id in (select id from public.services where published)',
  contacts: 'service_id in (select id from public.services where published)',
  phones: `coalesce(service_id, (select c.service_id from public.contacts c where c.id = contact_id)) in (select id from public.services where published)`,
  languages: 'service_id in (select id from public.services where published)',
  service_areas: 'service_id in (select id from public.services where published)',
  service_taxonomies: 'service_id in (select id from public.services where published)',
};

async function loadWithPg(databaseUrl: string): Promise<Record<string, unknown[]>> {
  const client: pg.Client = await connect(databaseUrl);
  try {
    const out: Record<string, unknown[]> = {};
    for (const table of catalogueTableNames) {
      const where = publishedFilter[table];
      out[table] = (await client.query(`select * from public.${table}${where ? ` where ${where}` : ''} order by id`)).rows;
    }
    return out;
  } finally {
    await client.end();
  }
}

async function loadWithSupabase(client: SupabaseClient): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  const pageSize = 1000;
  for (const table of catalogueTableNames) {
    const rows: unknown[] = [];
    // Keyset pages (id > last id seen): offset pages get slower the deeper they go, which at
    // 100,000 services turned a one-minute read into several.
    for (let after: string | undefined; ;) {
      let query = client.from(table).select('*').order('id').limit(pageSize);
      if (after !== undefined) query = query.gt('id', after);
      if (table === 'services') query = query.eq('published', true);
      const { data, error } = await query;
      if (error) throw new CatalogueLoadError(`Could not read ${table}: ${error.message}`);
      const page = data as { id: string }[];
      rows.push(...page);
      if (page.length < pageSize) break;
      after = page.at(-1)!.id;
    }
    out[table] = rows;
  }
  return out;
}
