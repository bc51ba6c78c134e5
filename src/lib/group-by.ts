/**
 * Groups rows by a key once, so joining tables is a lookup rather than a scan. Rows keep id
 * order within a group, so the same data always gives the same documents and pages.
 */
export function groupBy<T>(rows: T[], key: (row: T) => string | null | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of [...rows].sort((a, b) => String((a as { id?: string }).id).localeCompare(String((b as { id?: string }).id)))) {
    const k = key(row);
    if (k == null) continue;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
