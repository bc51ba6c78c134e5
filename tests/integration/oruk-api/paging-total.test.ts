import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { testStack } from '../../support/stack.ts';
import { ensureSampleData, person } from '../catalogue/support.ts';

/**
 * The total of an unfiltered `GET /services` comes from public.directory_counts, kept by triggers
 * (migration 20261203002000_oruk_api_speed.sql). Other test files change services meanwhile, so
 * every comparison is made inside one statement, where the count and the rows are seen at the
 * same moment, and changes are made in a transaction that is rolled back.
 */
async function inTransaction(work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: testStack.databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await work(client);
  } finally {
    await client.query('rollback');
    await client.end();
  }
}

async function countAndActual(client: pg.Client): Promise<{ count: number; actual: number }> {
  const { rows } = await client.query<{ count: string; actual: string }>(
    `select c.count, (select count(*) from public.services where published) as actual
     from public.directory_counts c where c.id = 'published services'`,
  );
  return { count: Number(rows[0]!.count), actual: Number(rows[0]!.actual) };
}

beforeAll(() => ensureSampleData());

describe('the number of published services behind the ORUK paging total', () => {
  it('stays exact through adding, publishing, withdrawing and removing services, one or many at a time', async () => {
    await inTransaction(async (client) => {
      // Holding the counter row makes other writers wait, so the differences below are ours alone.
      await client.query(`select 1 from public.directory_counts where id = 'published services' for update`);
      const start = await countAndActual(client);
      expect(start.count).toBe(start.actual);
      const ids = Array.from({ length: 4 }, () => `paging-total-${randomUUID()}`);
      const expectCount = async (difference: number) => {
        const now = await countAndActual(client);
        expect(now.count).toBe(now.actual);
        expect(now.count - start.count).toBe(difference);
      };

      await client.query(
        `insert into public.services (id, name, published) select id, 'Counted service', n <= 3
         from unnest($1::text[]) with ordinality as t(id, n)`,
        [ids],
      );
      await expectCount(3);
      await client.query(`update public.services set published = not published where id = any ($1)`, [ids]);
      await expectCount(1);
      await client.query(`update public.services set description = 'Only the words change' where id = any ($1)`, [ids]);
      await expectCount(1);
      await client.query(`delete from public.services where id = any ($1) and published`, [ids]);
      await expectCount(0);
      // Bulk loads skip ordinary triggers this way (scripts/generate.ts); the count must not.
      await client.query(`set local session_replication_role = replica`);
      await client.query(`update public.services set published = true where id = any ($1)`, [ids]);
      await expectCount(3);
    });
  });

  it('is what row level security lets each caller count: published services for anon, drafts too for a curator', async () => {
    const curator = await person('curator');
    await inTransaction(async (client) => {
      const totals = async () =>
        (
          await client.query<{ total: string; visible: string; published: string }>(
            `select (public.oruk_services_page(1, 1)->>'total') as total, (select count(*) from public.services) as visible,
                    (select count(*) from public.services where published) as published`,
          )
        ).rows[0]!;
      await client.query(`set local role anon`);
      const anon = await totals();
      expect(Number(anon.total)).toBe(Number(anon.visible));
      await client.query(`reset role`);
      await client.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: curator.id, role: 'authenticated', aal: 'aal2' }),
      ]);
      await client.query(`set local role authenticated`);
      const asCurator = await totals();
      expect(Number(asCurator.total)).toBe(Number(asCurator.visible));
      expect(Number(asCurator.total)).toBeGreaterThan(Number(asCurator.published));
    });
  });
});

describe('a page of services near a point', () => {
  it('refuses a point that is not on the earth with a 400 that says what is wrong, never a 500', async () => {
    for (const point of [
      { latitude: 'NaN', longitude: 0.4, metres: 1000 },
      { latitude: 52.6, longitude: 'Infinity', metres: 1000 },
      { latitude: 91, longitude: 0.4, metres: 1000 },
      { latitude: 52.6, longitude: 0.4, metres: 'NaN' },
      { latitude: 52.6, longitude: 0.4, metres: 0 },
    ]) {
      const response = await fetch(`${testStack.supabaseUrl}/rest/v1/rpc/oruk_services_page`, {
        method: 'POST',
        headers: { apikey: testStack.publishableKey, 'Content-Type': 'application/json' },
        body: JSON.stringify(point),
      });
      const body = (await response.json()) as { code?: string; message?: string };
      expect([JSON.stringify(point), response.status, body.code], body.message).toEqual([JSON.stringify(point), 400, '22023']);
      expect(body.message).toContain('latitude must be between -90 and 90');
    }
  });
});
