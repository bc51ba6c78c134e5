import type pg from 'pg';
import { connect } from '../../src/lib/oruk/db.ts';
import { toHsdsServices } from '../../src/lib/oruk/export-mapping.ts';
import { catalogueSchema } from '../../src/lib/schemas/catalogue.ts';

/**
 * The ORUK API's documents, built ahead (supabase/migrations/20261203010000_oruk_documents.sql):
 * each service's catalogue rows are read as the public sees them (`reader` has taken the anon
 * role), checked with the catalogue's zod schemas and mapped by the same code as the API and the
 * static export, then stored with the service role (`writer`). A service whose change is queued
 * but not among `applying` (the outbox rows being applied) is left for the batch that applies it.
 */
export async function storeOrukDocuments(
  reader: pg.ClientBase,
  writer: pg.ClientBase,
  ids: string[],
  applying: string[] = [],
): Promise<number> {
  if (!ids.length) return 0;
  const { rows } = await reader.query<{ rows: unknown }>('select public.oruk_service_rows($1) as rows', [ids]);
  const services = toHsdsServices(catalogueSchema.parse(rows[0]!.rows), { check: false });
  const documents = Object.fromEntries(services.map((service) => [service.id, service]));
  const stored = await writer.query<{ n: number }>('select public.store_oruk_documents($1::json, $2::bigint[]) as n', [
    JSON.stringify(documents),
    applying,
  ]);
  return stored.rows[0]!.n;
}

/** Every published service's document, a page at a time (`npm run index`, and a stack's start). */
export async function buildAllOrukDocuments(databaseUrl: string, pageSize = 500): Promise<{ documents: number }> {
  const [reader, writer] = await Promise.all([connect(databaseUrl), connect(databaseUrl)]);
  try {
    await reader.query('set role anon');
    let documents = 0;
    let after = '';
    for (;;) {
      const { rows } = await reader.query<{ id: string }>('select id from public.services where id > $1 order by id limit $2', [
        after,
        pageSize,
      ]);
      if (!rows.length) break;
      documents += await storeOrukDocuments(
        reader,
        writer,
        rows.map((r) => r.id),
      );
      after = rows.at(-1)!.id;
    }
    return { documents };
  } finally {
    await Promise.all([reader.end(), writer.end()]);
  }
}
