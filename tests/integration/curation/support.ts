import { randomUUID } from 'node:crypto';
import { sql } from '../catalogue/support.ts';
import { call } from '../referrals/support.ts';

/** A published listing from the sample data, to report problems with. */
export async function publishedService(): Promise<{ id: string; name: string }> {
  const [row] = await sql<{ id: string; name: string }>(`select id, name from public.services where published order by id limit 1`);
  if (!row) throw new Error('the sample data has no published service');
  return row;
}

/** Text an attacker would send, hoping it is rendered as markup somewhere. */
export const hostile = `<img src=x onerror="alert('report')"><script>alert(1)</script>"'&`;

/** A listing made for one test (published unless said otherwise), removed with `removeService`. */
export async function fixtureService(fields: Record<string, unknown> = {}): Promise<string> {
  const id = `curation-test-${randomUUID()}`;
  const row: Record<string, unknown> = { id, name: 'Curation test listing', published: true, ...fields };
  const columns = Object.keys(row);
  await sql(
    `insert into public.services (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
  return id;
}

export const removeService = (id: string) => sql(`delete from public.services where id = $1`, [id]);

/** Sends a report through the anonymous function as anon, from a given client address when asked. */
export const report = (body: Record<string, unknown>, forwardedFor?: string) =>
  call(null, 'POST', 'rpc/submit_listing_report', { report: { website: '', ...body } }, forwardedFor ? { forwardedFor } : {});
