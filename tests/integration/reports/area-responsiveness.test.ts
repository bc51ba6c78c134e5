import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankHolidayDates } from '../../../src/lib/working-days/bank-holidays.ts';
import { addWorkingDays, isWorkingDay, londonDate } from '../../../src/lib/working-days/working-days.ts';
import { caller, contacted, db, pcn, practice, referral, removeAll, rpc, sql, team } from './support.ts';

/**
 * Each area's public "usually contacts you within N working days": the median over first
 * contacts in the last 90 days, per PCN, only with 5 or more. Arrival and contact dates are
 * chosen so the working days between them are known (addWorkingDays, the reference).
 */
let busy: { id: string; code: string };
let quiet: { id: string; code: string };
type Row = { pcn_code: string; median_working_days: number; contacted: number };

/** A working day about `daysAgo` calendar days back, at noon London time, as an ISO instant. */
function workingDayAgo(daysAgo: number): string {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  let date = londonDate(d);
  while (!isWorkingDay(date)) date = londonDate(new Date(new Date(`${date}T12:00:00Z`).getTime() - 86_400_000));
  return `${date}T12:00:00Z`;
}

beforeAll(async () => {
  busy = await pcn('Busy responsiveness PCN');
  quiet = await pcn('Quiet responsiveness PCN');
  const [pb, pq] = [await practice(busy.id, 'Busy Surgery'), await practice(quiet.id, 'Quiet Surgery')];
  const [tb, tq] = [await team('Busy team', [busy.id]), await team('Quiet team', [quiet.id])];
  const owner = (await caller()).id;
  // Busy: 5 contacts in the last 90 days after 1, 2, 2, 3 and 5 working days (median 2), and
  // one 120 days ago after 20 working days, which must not count.
  for (const [ago, days] of [
    [40, 1],
    [45, 2],
    [50, 2],
    [55, 3],
    [60, 5],
  ] as const) {
    const arrived = workingDayAgo(ago);
    const id = await referral({ pcn: busy.id, team: tb, practice: pb, owner, createdAt: arrived, needs: ['money'] });
    await contacted(id, `${addWorkingDays(arrived.slice(0, 10), days)}T13:00:00Z`);
  }
  const old = workingDayAgo(150);
  const oldId = await referral({ pcn: busy.id, team: tb, practice: pb, owner, createdAt: old, needs: ['money'] });
  await contacted(oldId, `${addWorkingDays(old.slice(0, 10), 20)}T13:00:00Z`);
  // Quiet: only 4 contacts, so nothing is published.
  for (const ago of [30, 35, 40, 45]) {
    const arrived = workingDayAgo(ago);
    const id = await referral({ pcn: quiet.id, team: tq, practice: pq, owner, createdAt: arrived, needs: ['money'] });
    await contacted(id, `${addWorkingDays(arrived.slice(0, 10), 1)}T13:00:00Z`);
  }
});

afterAll(async () => {
  await removeAll();
  await db.end();
});

describe("an area's usual time to first contact", () => {
  it('gives anon the median working days over the last 90 days of first contacts, and how many', async () => {
    const { status, body } = await rpc<Row[]>('area_first_contact_times', {});
    expect(status).toBe(200);
    expect(body.find((r) => r.pcn_code === busy.code)).toEqual({ pcn_code: busy.code, median_working_days: 2, contacted: 5 });
  });

  it('publishes nothing for an area with fewer than 5 first contacts', async () => {
    const { body } = await rpc<Row[]>('area_first_contact_times', {});
    expect(body.find((r) => r.pcn_code === quiet.code)).toBeUndefined();
    expect(body.every((r) => r.contacted >= 5)).toBe(true);
  });

  it('returns only the PCN code, the median and the count: nothing about a person', async () => {
    const { body } = await rpc<Row[]>('area_first_contact_times', {});
    for (const row of body) expect(Object.keys(row).sort()).toEqual(['contacted', 'median_working_days', 'pcn_code']);
  });
});

describe('working days in the database', () => {
  it('count as addWorkingDays counts, across weekends and every bank holiday it knows', async () => {
    const starts: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2028, 10, 30); t += 9 * 86_400_000) starts.push(new Date(t).toISOString().slice(0, 10));
    const cases = starts.flatMap((from, i) => [0, 1, 3, 7].map((n) => ({ from, to: addWorkingDays(from, (n + i) % 11), n: (n + i) % 11 })));
    const rows = await sql<{ n: number }>(
      `select public.working_days_between(c.from_date, c.to_date) as n
       from rows from (jsonb_to_recordset($1::jsonb) as (from_date date, to_date date)) with ordinality as c(from_date, to_date, ord)
       order by c.ord`,
      [JSON.stringify(cases.map((c) => ({ from_date: c.from, to_date: c.to })))],
    );
    expect(rows.map((r) => r.n)).toEqual(cases.map((c) => c.n));
  });

  it('know the same bank holidays as src/lib/working-days', async () => {
    const [row] = await sql<{ dates: string[] }>(
      `select array(select to_char(d, 'YYYY-MM-DD') from unnest(public.bank_holidays_england_and_wales()) d) as dates`,
    );
    expect(row!.dates).toEqual([...bankHolidayDates]);
  });
});

describe('the report functions are safe to expose', () => {
  it('run as security definer with an empty search path, and only the intended roles may call them', async () => {
    const rows = await sql<{ name: string; definer: boolean; config: string[] | null; runners: string[] }>(
      `select p.proname as name, p.prosecdef as definer, p.proconfig as config,
              array(select r from unnest(array['public', 'anon', 'authenticated']) r
                    where has_function_privilege(r, p.oid, 'execute')) as runners
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.proname in ('report_referrals', 'report_scopes', 'report_caller', 'area_first_contact_times',
         'report_count', 'report_share', 'report_figure', 'working_days_between', 'bank_holidays_england_and_wales',
         'directory_freshness', 'report_protect')
       order by 1`,
    );
    expect(rows.map((r) => [r.name, r.definer, r.config, r.runners])).toEqual([
      ['area_first_contact_times', true, ['search_path=""'], ['anon', 'authenticated']],
      ['bank_holidays_england_and_wales', false, ['search_path=""'], []],
      ['directory_freshness', true, ['search_path=""'], []],
      ['report_caller', true, ['search_path=""'], []],
      ['report_count', false, ['search_path=""'], []],
      ['report_figure', false, ['search_path=""'], []],
      ['report_protect', false, ['search_path=""'], []],
      ['report_referrals', true, ['search_path=""'], ['authenticated']],
      ['report_scopes', true, ['search_path=""'], ['authenticated']],
      ['report_share', false, ['search_path=""'], []],
      ['working_days_between', false, ['search_path=""'], []],
    ]);
  });
});

describe('directory freshness', () => {
  it('counts published services checked in the 90 days and the 12 months up to the day, and nothing unpublished', async () => {
    const client = await db.connect();
    try {
      // One snapshot for both readings, so other tests' services cannot move the figures between them.
      await client.query('begin isolation level repeatable read');
      type Freshness = { published: number; checked_90_days: number; checked_12_months: number };
      const read = async () => (await client.query<{ f: Freshness }>(`select public.directory_freshness('2026-12-03') as f`)).rows[0]!.f;
      const before = await read();
      await client.query(
        `insert into public.services (id, name, published, assured_date) values
           ('fresh-' || gen_random_uuid(), 'Checked 90 days before', true, '2026-09-04'),
           ('fresh-' || gen_random_uuid(), 'Checked 91 days before', true, '2026-09-03'),
           ('fresh-' || gen_random_uuid(), 'Checked 12 months before', true, '2025-12-03'),
           ('fresh-' || gen_random_uuid(), 'Checked 12 months and a day before', true, '2025-12-02'),
           ('fresh-' || gen_random_uuid(), 'Never checked', true, null),
           ('fresh-' || gen_random_uuid(), 'Draft checked today', false, '2026-12-03')`,
      );
      const after = await read();
      expect({
        published: after.published - before.published,
        checked_90_days: after.checked_90_days - before.checked_90_days,
        checked_12_months: after.checked_12_months - before.checked_12_months,
      }).toEqual({ published: 5, checked_90_days: 1, checked_12_months: 3 });
    } finally {
      await client.query('rollback');
      client.release();
    }
  });
});
