import type pg from 'pg';

/**
 * The rows that are new or differ from what the table already holds in the compared columns.
 *
 * An upsert's `on conflict … do update` locks every conflicting row, even when its `where` finds
 * nothing to change, and keeps the lock until the transaction ends. A re-seed or re-import inside
 * one transaction would then hold exclusive locks on rows it did not change, and anything that
 * references them (a referral's foreign keys to its practice and PCN) waits on it or deadlocks
 * with it. Leaving the unchanged rows out of the upsert takes no lock on them at all.
 *
 * A row missing one of the compared columns (the table's default applies) always counts as changed.
 */
export async function changedRows<Row extends Record<string, unknown>>(
  client: pg.ClientBase,
  table: string,
  rows: Row[],
  compared: string[],
  key = 'id',
): Promise<Row[]> {
  const complete = rows.filter((row) => compared.every((column) => row[column] !== undefined));
  if (complete.length === 0) return rows;
  const quoted = (column: string) => `"${column.replaceAll('"', '""')}"`;
  const same = compared.length
    ? `(${compared.map((c) => `t.${quoted(c)}`).join(', ')}, null) is not distinct from (${compared.map((c) => `i.${quoted(c)}`).join(', ')}, null)`
    : 'true';
  const payload = complete.map((row) => Object.fromEntries([key, ...compared].map((column) => [column, row[column]])));
  const { rows: unchanged } = await client.query<{ key: string }>(
    `select i.${quoted(key)}::text as key
     from json_populate_recordset(null::public.${quoted(table)}, $1::json) i
     join public.${quoted(table)} t on t.${quoted(key)} = i.${quoted(key)}
     where ${same}`,
    [JSON.stringify(payload)],
  );
  if (unchanged.length === 0) return rows;
  const skip = new Set(unchanged.map((r) => r.key));
  return rows.filter((row) => !compared.every((column) => row[column] !== undefined) || !skip.has(String(row[key])));
}
