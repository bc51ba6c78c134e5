import { loadavg } from 'node:os';
import type pg from 'pg';
import { connect } from '../../src/lib/oruk/db.ts';
import { type BenchContext, type BenchRow, type BenchScope, ms, percentile } from './types.ts';

/**
 * The workspace inbox with 10,000 referrals in one team (issue 11, item 9: ≤ 300 ms p95 of
 * database time). On the sample data's bench stack it adds 10,000 referrals to one PCN's link
 * workers and 20,000 to other teams, through the table's own triggers (history, outbox, due
 * dates), then asks public.workspace_inbox and public.workspace_inbox_counts as that team's link
 * worker and as the coordinator of the PCN, exactly as PostgREST runs them (the token's claims as
 * settings, the authenticated role, row level security on). Database time is what Postgres
 * reports for each call (planning plus execution, from EXPLAIN ANALYZE, which adds a little).
 */
export const scope: BenchScope = 'sample data';
export const title = 'Workspace inbox';

const runs = 60;
const targetMs = 300;
const teamSize = 10_000;
const elsewhere = 20_000;

async function asStaff(db: pg.Client, userId: string, statement: string, params: unknown[]): Promise<number> {
  await db.query('begin');
  try {
    await db.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: userId, role: 'authenticated', aal: 'aal2' }),
    ]);
    await db.query('set local role authenticated');
    const { rows } = await db.query<{ 'QUERY PLAN': [{ 'Planning Time': number; 'Execution Time': number }] }>(
      `explain (analyze, format json) ${statement}`,
      params,
    );
    const plan = rows[0]!['QUERY PLAN'][0];
    return plan['Planning Time'] + plan['Execution Time'];
  } finally {
    await db.query('rollback');
  }
}

/** Referrals spread over a year, in every status, source and need, some assigned to the link worker. */
async function addReferrals(db: pg.Client, team: string, pcn: string, count: number, assignee: string | null): Promise<void> {
  await db.query(
    `with owners as (select array_agg(id) as ids from auth.users where email like 'bench.owner.%@bench.example.org'),
     practices as (select array_agg(id) as ids from public.gp_practices where pcn_id = $2),
     needs as (select array_agg(code) as codes from public.taxonomy_terms where taxonomy_id = 'signpost-needs')
     insert into public.referrals (reference, owner_id, idempotency_key, submission_hash, source, status, outcome, decline_reason,
       gp_practice_id, pcn_id, team_id, given_name, family_name, date_of_birth, postcode, needs, what_matters, contact_methods, phone,
       consent_version, created_at, assigned_to, referrer_name, referrer_role, referrer_organisation, referrer_phone,
       person_consented, reason, ward)
     select public.new_referral_reference(), o.ids[1 + n % cardinality(o.ids)], gen_random_uuid(), repeat('0', 64),
       src, st, case when st = 'closed' then 'needs_met' end, case when st = 'declined' then 'Not for this team' end,
       p.ids[1 + n % cardinality(p.ids)], $2, $1, 'Bench', 'Person ' || n, '1950-01-01', 'PE30 1AB',
       array[nd.codes[1 + n % cardinality(nd.codes)]], 'Bench referral', array['phone'], '01632 960 001', 'bench',
       now() - make_interval(mins => (n * 53) % 525600), case when n % 7 = 0 then $4::uuid end,
       case when src <> 'self' then 'Bench referrer' end, case when src <> 'self' then 'Nurse' end,
       case when src <> 'self' then 'Bench hospital' end, case when src <> 'self' then '01632 960 002' end,
       case when src <> 'self' then true end, case when src <> 'self' then 'Bench reason' end,
       case when src = 'hospital_ward' then 'Ward 1' end
     from generate_series(1, $3::int) n, owners o, practices p, needs nd,
       lateral (select (array['new', 'triaged', 'contacted', 'active', 'closed', 'declined', 'withdrawn'])[1 + n % 7] as st,
                       (array['self', 'gp_practice', 'self', 'hospital_ward', 'self', 'social_worker'])[1 + n % 6] as src) x
     -- References are random: the rare one already taken is skipped (the team's count is reported).
     on conflict do nothing`,
    [team, pcn, count, assignee],
  );
}

export default async function workspaceInboxBench(context: BenchContext): Promise<BenchRow[]> {
  const db = await connect(context.config.DATABASE_URL);
  try {
    await db.query(
      `insert into auth.users (id, aud, role, email, created_at, updated_at)
       select gen_random_uuid(), 'authenticated', 'authenticated', 'bench.owner.' || n || '@bench.example.org', now(), now()
       from generate_series(1, 200) n`,
    );
    const { rows: teams } = await db.query<{ team: string; pcn: string; other: string; otherPcn: string }>(
      `select t.id as team, tp.pcn_id as pcn, o.id as other, otp.pcn_id as "otherPcn"
       from public.teams t join public.team_pcns tp on tp.team_id = t.id,
       lateral (select t2.id from public.teams t2 where t2.id <> t.id and t2.kind = 'pcn_link_workers' order by t2.name limit 1) o
       join public.team_pcns otp on otp.team_id = o.id
       where t.name = 'Lynn and the Coast PCN Link Workers' limit 1`,
    );
    const place = teams[0];
    if (!place) throw new Error('The sample team Lynn and the Coast PCN Link Workers is missing from the bench stack.');
    const [worker, coordinator] = ['bench.worker@bench.example.org', 'bench.coordinator@bench.example.org'];
    const { rows: staff } = await db.query<{ id: string; email: string }>(
      `insert into auth.users (id, aud, role, email, created_at, updated_at)
       values (gen_random_uuid(), 'authenticated', 'authenticated', $1, now(), now()),
              (gen_random_uuid(), 'authenticated', 'authenticated', $2, now(), now()) returning id, email`,
      [worker, coordinator],
    );
    const workerId = staff.find((s) => s.email === worker)!.id;
    const coordinatorId = staff.find((s) => s.email === coordinator)!.id;
    await db.query(
      `insert into public.staff_members (user_id, role, team_id, display_name) values ($1, 'link_worker', $3, 'Bench worker'),
       ($2, 'coordinator', $3, 'Bench coordinator')`,
      [workerId, coordinatorId, place.team],
    );
    context.log(`  adding ${teamSize.toLocaleString('en-GB')} referrals to one team and ${elsewhere.toLocaleString('en-GB')} elsewhere…`);
    for (let done = 0; done < teamSize; done += 2_000) await addReferrals(db, place.team, place.pcn, 2_000, workerId);
    for (let done = 0; done < elsewhere; done += 2_000) await addReferrals(db, place.other, place.otherPcn, 2_000, null);
    await db.query('analyze public.referrals');
    const [{ n } = { n: 0 }] = (
      await db.query<{ n: number }>(`select count(*)::int as n from public.referrals where team_id = $1`, [place.team])
    ).rows;

    const [practice] = (await db.query<{ id: string }>(`select id from public.gp_practices where pcn_id = $1 limit 1`, [place.pcn])).rows;
    const inbox = 'select * from public.workspace_inbox(status => $1, need => $2, practice => $3, source => $4, assigned_to_me => $5)';
    const variants: { measure: string; who: string; statement: string; params: unknown[] }[] = [
      { measure: 'first page, no filter', who: workerId, statement: inbox, params: [null, null, null, null, false] },
      { measure: 'status new', who: workerId, statement: inbox, params: ['new', null, null, null, false] },
      { measure: 'need (loneliness)', who: workerId, statement: inbox, params: [null, 'loneliness', null, null, false] },
      { measure: 'GP practice and source', who: workerId, statement: inbox, params: [null, null, practice!.id, 'gp_practice', false] },
      { measure: 'assigned to me', who: workerId, statement: inbox, params: [null, null, null, null, true] },
      { measure: 'counts by status', who: workerId, statement: 'select * from public.workspace_inbox_counts()', params: [] },
      {
        measure: 'coordinator, first page (every team of the PCN)',
        who: coordinatorId,
        statement: inbox,
        params: [null, null, null, null, false],
      },
    ];
    const rows: BenchRow[] = [];
    for (const v of variants) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await asStaff(db, v.who, v.statement, v.params));
      const p95 = percentile(times, 95);
      rows.push({
        measure: `Inbox with ${n.toLocaleString('en-GB')} referrals in the team, ${v.measure}: database time p95 / median`,
        figure: `${ms(p95)} / ${ms(percentile(times, 50))} (n=${runs}; load average ${loadavg()[0]!.toFixed(1)})`,
        target: `≤ ${targetMs} ms p95`,
        met: p95 <= targetMs,
      });
      context.log(`  ${v.measure}: p95 ${ms(p95)}`);
    }
    return rows;
  } finally {
    await db.end();
  }
}
