import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, type Person, rest, scratchDatabase, sql } from '../catalogue/support.ts';
import { fixtureService, removeService } from './support.ts';

/** The review queue, the interest counters behind its order, and hiding what nobody can verify. */
let curator: Person;
const made: string[] = [];

beforeAll(async () => {
  curator = await person('curator');
});

afterAll(async () => {
  for (const id of made) await removeService(id);
});

type QueueRow = { id: string; assured_date: string | null; highlighted: boolean; views: number; shortlists: number };
const queue = async () => (await rest(curator, 'POST', 'rpc/review_queue', { max_rows: 1000 })).body as QueueRow[];

describe('the review queue', () => {
  it('lists the sample listings never checked, highlighted', async () => {
    const never = await sql<{ id: string }>(
      `select id from public.services where assured_date is null and status <> 'defunct' and id not like 'curation-test-%'`,
    );
    expect(never.length).toBeGreaterThan(0);
    const rows = await queue();
    const listed = new Map(rows.map((r) => [r.id, r]));
    for (const { id } of never) expect(listed.get(id)?.highlighted).toBe(true);
  });

  it('leaves out listings checked within twelve months, and highlights only those more than 90 days past due', async () => {
    const fresh = await fixtureService({ assured_date: new Date(Date.now() - 30 * 864e5).toISOString().slice(0, 10) });
    const due = await fixtureService({ assured_date: new Date(Date.now() - 400 * 864e5).toISOString().slice(0, 10) });
    const late = await fixtureService({ assured_date: new Date(Date.now() - 500 * 864e5).toISOString().slice(0, 10) });
    made.push(fresh, due, late);
    const listed = new Map((await queue()).map((r) => [r.id, r]));
    expect(listed.has(fresh)).toBe(false);
    expect(listed.get(due)?.highlighted).toBe(false);
    expect(listed.get(late)?.highlighted).toBe(true);
  });

  it('puts the listings residents look at and shortlist most first, counted without any identifier', async () => {
    const popular = await fixtureService();
    made.push(popular);
    const anon: Person = { kind: 'anon' };
    for (const kind of ['view', 'view', 'shortlist'])
      expect((await rest(anon, 'POST', 'rpc/count_listing_interest', { service_id: popular, kind })).status).toBe(204);
    const counted = await sql(`select views, shortlists from public.listing_interest_daily where service_id = $1`, [popular]);
    expect(counted).toEqual([{ views: 2, shortlists: 1 }]);
    const rows = await queue();
    expect(rows[0]).toMatchObject({ id: popular, views: 2, shortlists: 1 });
  });

  it('does not count looks at a listing the public cannot see', async () => {
    const draft = await fixtureService({ published: false });
    made.push(draft);
    await rest({ kind: 'anon' }, 'POST', 'rpc/count_listing_interest', { service_id: draft, kind: 'view' });
    expect(await sql(`select 1 from public.listing_interest_daily where service_id = $1`, [draft])).toEqual([]);
  });
});

describe('listings nobody can verify', () => {
  // In a database of its own: hiding works across the whole directory, and the shared test
  // database's sample listings must stay as they are for the other tests.
  it('are hidden from the public with a reason, not deleted, and publishing one again clears the reason', async () => {
    const scratch = await scratchDatabase();
    try {
      const as = (text: string, params: unknown[] = []) => sql(text, params, scratch.url);
      await as(`insert into public.services (id, name, published, assured_date) values
        ('stale', 'Stale listing', true, '2020-01-15'), ('fresh', 'Fresh listing', true, current_date - 10)`);
      const [hidden] = await as(
        `select set_config('request.jwt.claims', '{"role":"service_role"}', false), public.hide_unverifiable_listings() as n`,
      );
      expect(hidden).toMatchObject({ n: 1 });
      const rows = await as(`select id, published, hidden_reason from public.services order by id`);
      expect(rows).toEqual([
        { id: 'fresh', published: true, hidden_reason: null },
        {
          id: 'stale',
          published: false,
          hidden_reason: expect.stringMatching(/nobody has been able to verify it since 15 January 2020\.$/) as string,
        },
      ]);
      await as(`update public.services set published = true, assured_date = current_date where id = 'stale'`);
      expect(await as(`select hidden_reason from public.services where id = 'stale'`)).toEqual([{ hidden_reason: null }]);
    } finally {
      await scratch.drop();
    }
  });

  it('can be hidden only by curators', async () => {
    const worker = await person('link_worker');
    const result = await rest(worker, 'POST', 'rpc/hide_unverifiable_listings', {});
    expect({ status: result.status, code: result.code }).toEqual({ status: 403, code: '42501' });
  });
});
