import type pg from 'pg';

/**
 * Fast inserts for generated data: one statement per batch, the rows passed as a single JSON
 * parameter and unpacked by Postgres, which avoids the 65,535-parameter limit and most of the
 * per-value overhead. Columns not present in the rows keep their defaults.
 */
export async function bulkInsert(client: pg.ClientBase, table: string, rows: object[], batchSize = 5000): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map((c) => `"${c}"`).join(', ');
  let inserted = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const result = await client.query(
      `insert into public.${table} (${columns})
       select ${columns} from jsonb_populate_recordset(null::public.${table}, $1::jsonb)
       on conflict do nothing`,
      [JSON.stringify(batch)],
    );
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}
