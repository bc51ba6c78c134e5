import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  contacted,
  db,
  fund,
  pcn,
  planService,
  practice,
  referral,
  removeAll,
  rpc,
  sql,
  team,
  wellbeing,
  type Caller,
} from './support.ts';

/**
 * The report's figures against fixtures worked out by hand. March 2026 in a PCN ("Lynnfield") and
 * team of this run's own, 7 referrals (noon UTC unless said):
 *
 *   ref  arrived        source         practice  needs               first contact   working days  closed as
 *   r1   Mon 2 Mar      self           P1        loneliness, money   Tue 3 Mar       1             connected_to_services
 *   r2   Mon 2 Mar      gp_practice    P1        loneliness          Fri 6 Mar       4             connected_to_services
 *   r3   Wed 4 Mar      self           P1        housing             Mon 9 Mar       3             needs_met
 *   r4   Fri 6 Mar      gp_practice    P2        loneliness          Mon 9 Mar       1             could_not_contact
 *   r5   Tue 10 Mar     self           P1        money               Tue 10 Mar      0             connected_to_services
 *   r6   Wed 11 Mar     social_worker  P2        wellbeing           Wed 25 Mar      10            (active)
 *   r7   Thu 12 Mar     self           P1        loneliness          none            -             (new)
 *   out  31 Mar 23:30 UTC (1 April in London) and 27 Feb: outside the period.
 *
 * Working days sorted 0 1 1 3 4 10: median (1 + 3) / 2 = 2.0; 90th percentile at 0.9 × 5 = 4.5,
 * 4 + 0.5 × (10 − 4) = 7.0. Closed 5 of 7 (0.7143): connected 3/5, needs met 1/5, could not contact 1/5.
 * Plans: r1 attending + suggested, r2 referred, r3 attending, r5 stopped, r6 attending: 3 of 5 attend.
 * Wellbeing (start → latest review): r1 5,6,5,7 → 7,7,6,4; r2 3,4,4,8 → 6,6,7,5; r3 6,6,6,3 → 6,7,5,3;
 * r4 start only. Changes: life +2 +3 0 (1.67), worthwhile +1 +2 +1 (1.33), happiness +1 +3 −1 (1.00),
 * anxiety −3 −3 0 (−2.00). Spend: r1 25.00 + 15.00, r3 100.00, r6 5.00 (a top-up and a spend on no
 * case do not count): 3 of 7 cases (0.4286), £145.00, £48.33 a case with spend, £20.71 a case.
 * Per year at this rate: 7 × 365 / 31 = 82.4 → 82.
 */
let lynnfield: { id: string; code: string };
let otherPcn: { id: string; code: string };
let teamT: string;
let teamU: string;
const who = {} as Record<'linkWorker' | 'otherLinkWorker' | 'coordinator' | 'admin' | 'curator' | 'resident' | 'linkWorkerAal1', Caller>;
const march = { p_from: '2026-03-01', p_to: '2026-03-31' };

type Report = Record<string, unknown> & {
  // A count: a number, "fewer than 5", or "not shown" (hidden so a small one cannot be worked out).
  referrals: number | string;
  by_source: { source: string; referrals: number | string }[];
  by_practice: { name: string; referrals: number | string }[];
  by_need: { need: string; referrals: number | string }[];
};

beforeAll(async () => {
  lynnfield = await pcn('Lynnfield PCN');
  otherPcn = await pcn('Otherton PCN');
  const [p1, p2] = [await practice(lynnfield.id, 'P1 Surgery'), await practice(lynnfield.id, 'P2 Surgery')];
  await practice(lynnfield.id, 'P3 Surgery (never refers)');
  const q1 = await practice(otherPcn.id, 'Q1 Surgery');
  teamT = await team('Reports team T', [lynnfield.id]);
  teamU = await team('Reports team U', [otherPcn.id]);
  who.linkWorker = await caller('link_worker', teamT);
  who.otherLinkWorker = await caller('link_worker', teamU);
  who.coordinator = await caller('coordinator', teamT);
  who.admin = await caller('admin');
  who.curator = await caller('curator');
  who.resident = await caller();
  who.linkWorkerAal1 = await caller('link_worker', teamT, 'aal1');
  const owner = who.resident.id;
  const at = (day: string, time = '12:00:00Z') => `2026-${day}T${time}`;
  const inT = { pcn: lynnfield.id, team: teamT, owner };
  const r1 = await referral({
    ...inT,
    practice: p1,
    createdAt: at('03-02'),
    needs: ['loneliness', 'money'],
    status: 'closed',
    outcome: 'connected_to_services',
  });
  const r2 = await referral({
    ...inT,
    practice: p1,
    createdAt: at('03-02'),
    source: 'gp_practice',
    needs: ['loneliness'],
    status: 'closed',
    outcome: 'connected_to_services',
  });
  const r3 = await referral({ ...inT, practice: p1, createdAt: at('03-04'), needs: ['housing'], status: 'closed', outcome: 'needs_met' });
  const r4 = await referral({
    ...inT,
    practice: p2,
    createdAt: at('03-06'),
    source: 'gp_practice',
    needs: ['loneliness'],
    status: 'closed',
    outcome: 'could_not_contact',
  });
  const r5 = await referral({
    ...inT,
    practice: p1,
    createdAt: at('03-10', '08:00:00Z'),
    needs: ['money'],
    status: 'closed',
    outcome: 'connected_to_services',
  });
  const r6 = await referral({
    ...inT,
    practice: p2,
    createdAt: at('03-11'),
    source: 'social_worker',
    needs: ['wellbeing'],
    status: 'active',
  });
  await referral({ ...inT, practice: p1, createdAt: at('03-12'), needs: ['loneliness'] });
  const late = await referral({ ...inT, practice: p1, createdAt: at('03-31', '23:30:00Z'), needs: ['loneliness'] });
  await referral({ ...inT, practice: p1, createdAt: at('02-27'), needs: ['loneliness'] });
  await contacted(r1, at('03-03'));
  await contacted(r1, at('03-20')); // a later contact does not move the first
  await contacted(r2, at('03-06'));
  await contacted(r3, at('03-09'));
  await contacted(r4, at('03-09'));
  await contacted(r5, at('03-10', '15:00:00Z'));
  await contacted(r6, at('03-25'));
  await contacted(late, at('04-01'));
  await planService(r1, 'attending');
  await planService(r1, 'suggested');
  await planService(r2, 'referred');
  await planService(r3, 'attending');
  await planService(r5, 'stopped');
  await planService(r6, 'attending');
  await wellbeing(r1, 'start', at('03-03'), [5, 6, 5, 7]);
  await wellbeing(r1, 'review', at('04-01'), [6, 6, 6, 6]);
  await wellbeing(r1, 'review', at('05-01'), [7, 7, 6, 4]);
  await wellbeing(r2, 'start', at('03-06'), [3, 4, 4, 8]);
  await wellbeing(r2, 'review', at('05-06'), [6, 6, 7, 5]);
  await wellbeing(r3, 'start', at('03-09'), [6, 6, 6, 3]);
  await wellbeing(r3, 'review', at('05-09'), [6, 7, 5, 3]);
  await wellbeing(r4, 'start', at('03-09'), [4, 4, 4, 4]);
  await fund(teamT, null, 'top_up', 50_000);
  await fund(teamT, r1, 'spend', 2_500);
  await fund(teamT, r1, 'spend', 1_500);
  await fund(teamT, r3, 'spend', 10_000);
  await fund(teamT, r6, 'spend', 500);
  await fund(teamT, null, 'spend', 700);
  // July: one referral of team T from a practice in the other PCN (routed there by triage).
  await referral({ pcn: otherPcn.id, team: teamT, owner, practice: q1, createdAt: at('07-15'), needs: ['money'] });
  const inU = { pcn: otherPcn.id, team: teamU, owner, practice: q1 };
  await referral({ ...inU, createdAt: at('03-05'), needs: ['money'] });
  await referral({ ...inU, createdAt: at('03-06'), needs: ['money'] });
});

afterAll(async () => {
  await removeAll();
  await db.end();
});

const countOf = (list: { referrals: number | string }[], key: string, field: 'source' | 'need' | 'name') =>
  list.find((row) => (row as unknown as Record<string, string>)[field] === key)?.referrals;

describe('the report a team sees of its own work, with exact figures', () => {
  let report: Report;
  beforeAll(async () => {
    const result = await rpc<Report>('report_referrals', march, who.linkWorker);
    expect(result.status).toBe(200);
    report = result.body;
  });

  it('counts the referrals that arrived in the period by London date, and is not suppressed', () => {
    expect(report.suppressed).toBe(false);
    expect(report.team_id).toBe(teamT);
    expect(report.referrals).toBe(7);
  });

  it('counts referrals by source, every source listed', () => {
    expect(report.by_source).toEqual([
      { source: 'self', referrals: 4 },
      { source: 'gp_practice', referrals: 2 },
      { source: 'hospital_ward', referrals: 0 },
      { source: 'emergency_department', referrals: 0 },
      { source: 'paramedic', referrals: 0 },
      { source: 'social_worker', referrals: 1 },
      { source: 'other', referrals: 0 },
    ]);
  });

  it('lists every practice of the area with its referrals, the practice that never refers first', () => {
    expect(report.by_practice.map((p) => [p.name, p.referrals])).toEqual([
      ['P3 Surgery (never refers)', 0],
      ['P2 Surgery', 2],
      ['P1 Surgery', 5],
    ]);
  });

  it('counts referrals by need, a referral with two needs in each', () => {
    expect(countOf(report.by_need, 'loneliness', 'need')).toBe(4);
    expect(countOf(report.by_need, 'money', 'need')).toBe(2);
    expect(countOf(report.by_need, 'housing', 'need')).toBe(1);
    expect(countOf(report.by_need, 'wellbeing', 'need')).toBe(1);
    expect(countOf(report.by_need, 'carers', 'need')).toBe(0);
  });

  it('gives the median and 90th percentile working days to first contact', () => {
    expect(report.first_contact).toEqual({ contacted: 6, not_contacted: 1, median_working_days: 2, p90_working_days: 7 });
  });

  it('gives the share closed and the share of closed referrals with each outcome', () => {
    expect(report.outcomes).toEqual({
      closed: 5,
      closed_share: 0.7143,
      by_outcome: [
        { outcome: 'connected_to_services', referrals: 3, share: 0.6 },
        { outcome: 'needs_met', referrals: 1, share: 0.2 },
        { outcome: 'person_chose_to_stop', referrals: 0, share: 0 },
        { outcome: 'could_not_contact', referrals: 1, share: 0.2 },
        { outcome: 'moved_away_or_not_eligible', referrals: 0, share: 0 },
        { outcome: 'other', referrals: 0, share: 0 },
      ],
    });
  });

  it('gives the share of people with a plan who attend a service in it', () => {
    expect(report.attending).toEqual({ with_plan: 5, attending: 3, share: 0.6 });
  });

  it('gives the mean ONS4 wellbeing change from the first start to the latest review, per question', () => {
    expect(report.wellbeing).toEqual([
      { question: 'life_satisfaction', people: 3, mean_change: 1.67 },
      { question: 'worthwhile', people: 3, mean_change: 1.33 },
      { question: 'happiness', people: 3, mean_change: 1 },
      { question: 'anxiety', people: 3, mean_change: -2 },
    ]);
  });

  it('gives practical-help spend per case and the share of cases that needed spend', () => {
    expect(report.spend).toEqual({
      cases: 7,
      cases_with_spend: 3,
      share_with_spend: 0.4286,
      total_pence: 14_500,
      mean_pence_per_case_with_spend: 4833,
      mean_pence_per_case: 2071,
    });
  });

  it("gives the team its cases per year at the period's rate", () => {
    expect(report.by_team).toEqual([{ team: 'Reports team T', referrals: 7, per_year: 82 }]);
  });

  it('gives the directory freshness as of today', () => {
    const freshness = report.freshness as Record<string, unknown>;
    expect(Object.keys(freshness).sort()).toEqual([
      'as_of',
      'checked_12_months',
      'checked_90_days',
      'published',
      'share_12_months',
      'share_90_days',
    ]);
    expect(freshness.checked_90_days as number).toBeLessThanOrEqual(freshness.checked_12_months as number);
  });
});

describe('the same figures shown outside the team, with small numbers suppressed', () => {
  it('shows a coordinator their area with counts of 1 to 4 as "fewer than 5" and shares of small groups withheld', async () => {
    const { status, body } = await rpc<Report>('report_referrals', { ...march, p_pcn: lynnfield.id }, who.coordinator);
    expect(status).toBe(200);
    expect(body.suppressed).toBe(true);
    expect(body.referrals).toBe(7);
    expect(countOf(body.by_source, 'self', 'source')).toBe('fewer than 5');
    expect(countOf(body.by_source, 'paramedic', 'source')).toBe(0);
    // P2's 2 could be worked out as 7 − 5 − 0, so P1 is hidden too; likewise contacted 6 of 7.
    expect(body.by_practice.map((p) => [p.name, p.referrals])).toEqual([
      ['P3 Surgery (never refers)', 0],
      ['P2 Surgery', 'fewer than 5'],
      ['P1 Surgery', 'not shown'],
    ]);
    expect(body.first_contact).toEqual({
      contacted: 'not shown',
      not_contacted: 'fewer than 5',
      median_working_days: 2,
      p90_working_days: 7,
    });
    expect(body.outcomes).toMatchObject({ closed: 5, closed_share: 0.7143 });
    expect((body.outcomes as { by_outcome: unknown[] }).by_outcome[0]).toEqual({
      outcome: 'connected_to_services',
      referrals: 'fewer than 5',
      share: null,
    });
    expect(body.attending).toEqual({ with_plan: 5, attending: 'fewer than 5', share: null });
    expect((body.wellbeing as unknown[])[0]).toEqual({ question: 'life_satisfaction', people: 'fewer than 5', mean_change: null });
    expect(body.spend).toEqual({
      cases: 7,
      cases_with_spend: 'fewer than 5',
      share_with_spend: null,
      total_pence: null,
      mean_pence_per_case_with_spend: null,
      mean_pence_per_case: null,
    });
    expect(body.by_team).toEqual([{ team: 'Reports team T', referrals: 7, per_year: 82 }]);
  });

  it('gives a coordinator exact figures for their own team', async () => {
    const { body } = await rpc<Report>('report_referrals', { ...march, p_team: teamT }, who.coordinator);
    expect(body.suppressed).toBe(false);
    expect(countOf(body.by_source, 'self', 'source')).toBe(4);
  });

  it('shows an admin any area, suppressed', async () => {
    const { status, body } = await rpc<Report>('report_referrals', { ...march, p_pcn: otherPcn.id }, who.admin);
    expect(status).toBe(200);
    expect(body.referrals).toBe('fewer than 5');
    expect(body.first_contact).toEqual({ contacted: 0, not_contacted: 'fewer than 5', median_working_days: null, p90_working_days: null });
  });
});

describe('hiding a count that would give a small one away by subtraction', () => {
  it('hides the smallest other count when only one in a breakdown is under 5, and its share with it', async () => {
    const [row] = await sql<{ p: unknown }>(
      `select public.report_protect('[{"n": 9, "share": 0.6}, {"n": "fewer than 5", "share": null}, {"n": 0, "share": 0}, {"n": 6, "share": 0.4}]', 'n') as p`,
    );
    expect(row!.p).toEqual([
      { n: 9, share: 0.6 },
      { n: 'fewer than 5', share: null },
      { n: 0, share: 0 },
      { n: 'not shown', share: null },
    ]);
  });

  it('leaves a breakdown alone with none or several counts under 5', async () => {
    const [row] = await sql<{ none: unknown; several: unknown }>(
      `select public.report_protect('[{"n": 9}, {"n": 6}]', 'n') as none,
              public.report_protect('[{"n": "fewer than 5"}, {"n": "fewer than 5"}, {"n": 6}]', 'n') as several`,
    );
    expect(row).toEqual({ none: [{ n: 9 }, { n: 6 }], several: [{ n: 'fewer than 5' }, { n: 'fewer than 5' }, { n: 6 }] });
  });

  it('is not applied to a team looking at its own figures', async () => {
    const { body } = await rpc<Report>('report_referrals', march, who.linkWorker);
    expect(body.by_practice.map((p) => p.referrals)).toEqual([0, 2, 5]);
  });
});

describe("a referral of the team from outside the team's areas", () => {
  const july = { p_from: '2026-07-01', p_to: '2026-07-31' };
  it("counts for the team's link workers, listing its practice too", async () => {
    const { body } = await rpc<Report>('report_referrals', july, who.linkWorker);
    expect(body.referrals).toBe(1);
    expect(body.by_practice.map((p) => [p.name, p.referrals])).toEqual([
      ['P1 Surgery', 0],
      ['P2 Surgery', 0],
      ['P3 Surgery (never refers)', 0],
      ['Q1 Surgery', 1],
    ]);
  });

  it("counts for the coordinators of the PCN it comes from, not for the team's coordinator", async () => {
    expect((await rpc<Report>('report_referrals', july, who.coordinator)).body.referrals).toBe(0);
    expect((await rpc<Report>('report_referrals', { ...july, p_pcn: otherPcn.id }, who.admin)).body.referrals).toBe('fewer than 5');
  });
});

describe('a period with no referrals', () => {
  it('gives zeros, lists the practices, and has no medians, shares or means', async () => {
    const { status, body } = await rpc<Report>('report_referrals', { p_from: '2026-06-01', p_to: '2026-06-30' }, who.linkWorker);
    expect(status).toBe(200);
    expect(body.referrals).toBe(0);
    expect(body.by_practice.map((p) => p.referrals)).toEqual([0, 0, 0]);
    expect(body.first_contact).toEqual({ contacted: 0, not_contacted: 0, median_working_days: null, p90_working_days: null });
    expect(body.outcomes).toMatchObject({ closed: 0, closed_share: null });
    expect(body.attending).toEqual({ with_plan: 0, attending: 0, share: null });
    expect((body.wellbeing as unknown[])[3]).toEqual({ question: 'anxiety', people: 0, mean_change: null });
    expect(body.spend).toEqual({
      cases: 0,
      cases_with_spend: 0,
      share_with_spend: null,
      total_pence: 0,
      mean_pence_per_case_with_spend: null,
      mean_pence_per_case: null,
    });
    expect(body.by_team).toEqual([{ team: 'Reports team T', referrals: 0, per_year: 0 }]);
  });
});

describe('who may see which report', () => {
  it('refuses anon before the function runs', async () => {
    const { status, body } = await rpc('report_referrals', march);
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: '42501' });
  });

  it.each(['curator', 'resident', 'linkWorkerAal1'] as const)('refuses a %s with a plain message', async (role) => {
    const { status, body } = await rpc('report_referrals', march, who[role]);
    expect(status).toBe(403);
    expect((body as { code: string }).code).toBe('SP403');
    expect((body as { message: string }).message).toMatch(/^Reports are for link workers, coordinators/);
    expect((await rpc('report_scopes', {}, who[role])).status).toBe(403);
  });

  it('refuses a coordinator an area or team their team does not serve', async () => {
    const area = await rpc('report_referrals', { ...march, p_pcn: otherPcn.id }, who.coordinator);
    expect([area.status, (area.body as { code: string; hint: string }).code, (area.body as { hint: string }).hint]).toEqual([
      403,
      'SP403',
      'pcn',
    ]);
    const other = await rpc('report_referrals', { ...march, p_team: teamU }, who.coordinator);
    expect([other.status, (other.body as { code: string; hint: string }).code, (other.body as { hint: string }).hint]).toEqual([
      403,
      'SP403',
      'team',
    ]);
  });

  it("refuses a link worker another team's report, and shows them nothing of another team's area", async () => {
    const other = await rpc('report_referrals', { ...march, p_team: teamT }, who.otherLinkWorker);
    expect([other.status, (other.body as { code: string; hint: string }).code, (other.body as { hint: string }).hint]).toEqual([
      403,
      'SP403',
      'team',
    ]);
    const area = await rpc<Report>('report_referrals', { ...march, p_pcn: lynnfield.id }, who.otherLinkWorker);
    expect(area.status).toBe(403);
    const own = await rpc<Report>('report_referrals', march, who.otherLinkWorker);
    expect([own.body.referrals, own.body.team_id, own.body.suppressed]).toEqual([2, teamU, false]);
  });

  it('offers each caller only the PCNs and teams they may report on', async () => {
    const coordinator = await rpc<{ role: string; pcns: { id: string }[]; teams: { id: string }[] }>('report_scopes', {}, who.coordinator);
    expect(coordinator.body.role).toBe('coordinator');
    expect(coordinator.body.pcns.map((p) => p.id)).toEqual([lynnfield.id]);
    expect(coordinator.body.teams.map((t) => t.id)).toEqual([teamT]);
    const worker = await rpc<{ teams: { id: string }[] }>('report_scopes', {}, who.otherLinkWorker);
    expect(worker.body.teams.map((t) => t.id)).toEqual([teamU]);
    const admin = await rpc<{ pcns: { id: string }[] }>('report_scopes', {}, who.admin);
    expect(admin.body.pcns.map((p) => p.id)).toEqual(expect.arrayContaining([lynnfield.id, otherPcn.id]));
  });

  it('names the field of a period that ends before it starts', async () => {
    const { status, body } = await rpc('report_referrals', { p_from: '2026-03-31', p_to: '2026-03-01' }, who.linkWorker);
    expect(status).toBe(422);
    expect(body).toMatchObject({
      code: 'SP422',
      hint: 'to',
      message: 'The last day of the period must be the same as or after the first day.',
    });
  });
});
