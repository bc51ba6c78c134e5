import type pg from 'pg';
import { changedRows } from './changed-rows.ts';
import { type Catalogue, type CatalogueTable, catalogueTableNames, catalogueTables } from '../schemas/catalogue.ts';

/** A row the database refused, with its table and why; the caller decides whose fault it is. */
export type RowFailure = { table: CatalogueTable; id: string; serviceId: string | undefined; message: string };

const jsonColumns = new Set(['extent']);
/** Columns only Signpost fills; a publisher's copy of the same term must not wipe them out. */
const keepWhenEmpty: Partial<Record<CatalogueTable, string[]>> = { taxonomy_terms: ['resident_label', 'synonyms'] };
const databaseManaged = new Set(['created_at', 'updated_at']);

const childTables: { table: CatalogueTable; owner: string }[] = [
  { table: 'service_at_locations', owner: 'service_id = any($1)' },
  {
    table: 'schedules',
    owner: 'service_id = any($1) or service_at_location_id in (select id from public.service_at_locations where service_id = any($1))',
  },
  { table: 'cost_options', owner: 'service_id = any($1)' },
  { table: 'contacts', owner: 'service_id = any($1)' },
  { table: 'phones', owner: 'service_id = any($1) or contact_id in (select id from public.contacts where service_id = any($1))' },
  { table: 'languages', owner: 'service_id = any($1)' },
  { table: 'service_areas', owner: 'service_id = any($1)' },
  { table: 'service_taxonomies', owner: 'service_id = any($1)' },
];

export function columnsOf(table: CatalogueTable): string[] {
  return Object.keys(catalogueTables[table].shape).filter((c) => !databaseManaged.has(c));
}

/**
 * Upserts a catalogue by id, parents first. The services written here are treated as complete:
 * their opening times, costs and other parts that are no longer present are removed. Unchanged
 * rows are not rewritten, so re-importing the same feed records no history.
 * Runs in the caller's transaction; a batch the database refuses is retried row by row so one bad
 * row does not cost its neighbours.
 */
export async function writeCatalogue(client: pg.ClientBase, catalogue: Catalogue): Promise<{ written: number; failures: RowFailure[] }> {
  const failures: RowFailure[] = [];
  let written = 0;
  const serviceIds = catalogue.services.map((s) => s.id);
  for (const table of catalogueTableNames) {
    if (table === 'service_at_locations') {
      for (const { table: child, owner } of childTables) {
        const keep = (catalogue[child] as { id: string }[]).map((r) => r.id);
        await client.query(`delete from public.${child} where (${owner}) and not (id = any($2))`, [serviceIds, keep]);
      }
    }
    const result = await upsertRows(client, table, catalogue[table]);
    written += result.written;
    failures.push(...result.failures);
  }
  return { written, failures };
}

export async function upsertRows(
  client: pg.ClientBase,
  table: CatalogueTable,
  rows: Record<string, unknown>[],
  batchSize = Math.floor(30_000 / columnsOf(table).length),
): Promise<{ written: number; failures: RowFailure[] }> {
  const failures: RowFailure[] = [];
  let written = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    try {
      written += await inSavepoint(client, () => upsertBatch(client, table, batch));
    } catch {
      for (const row of batch) {
        try {
          written += await inSavepoint(client, () => upsertBatch(client, table, [row]));
        } catch (error) {
          const serviceId = table === 'services' ? row.id : row.service_id;
          failures.push({
            table,
            id: typeof row.id === 'string' ? row.id : JSON.stringify(row.id),
            serviceId: typeof serviceId === 'string' ? serviceId : undefined,
            message: (error as Error).message,
          });
        }
      }
    }
  }
  return { written, failures };
}

async function inSavepoint<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('savepoint catalogue_batch');
  try {
    const result = await work();
    await client.query('release savepoint catalogue_batch');
    return result;
  } catch (error) {
    await client.query('rollback to savepoint catalogue_batch');
    throw error;
  }
}

async function upsertBatch(client: pg.ClientBase, table: CatalogueTable, batch: Record<string, unknown>[]): Promise<number> {
  const columns = columnsOf(table);
  const keep = keepWhenEmpty[table] ?? [];
  // last_modified alone is not a change worth rewriting a row for (and it defaults to now()).
  const compared = columns.filter((c) => c !== 'id' && c !== 'last_modified' && !keep.includes(c));
  const rows = await changedRows(client, table, batch, compared);
  if (rows.length === 0) return 0;
  const values: unknown[] = [];
  const tuples = rows.map(
    (row) =>
      `(${columns
        .map((column) => {
          const value = row[column];
          if (value === undefined) return 'default';
          values.push(jsonColumns.has(column) && value !== null ? JSON.stringify(value) : value);
          return `$${values.length}`;
        })
        .join(', ')})`,
  );
  const quoted = columns.map((c) => `"${c}"`);
  const updates = columns
    .filter((c) => c !== 'id')
    .map((c) =>
      keep.includes(c)
        ? `"${c}" = case when excluded."${c}" is null or excluded."${c}"::text in ('{}', '') then ${table}."${c}" else excluded."${c}" end`
        : `"${c}" = excluded."${c}"`,
    );
  const changed = compared.map((c) => `${table}."${c}" is distinct from excluded."${c}"`);
  const sql = `insert into public.${table} (${quoted.join(', ')}) values ${tuples.join(', ')}
    on conflict (id) do update set ${updates.join(', ')}
    ${changed.length ? `where ${changed.join(' or ')}` : ''}`;
  const result = await client.query(sql, values);
  return result.rowCount ?? 0;
}
