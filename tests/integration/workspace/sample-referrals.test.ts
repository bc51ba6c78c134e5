import { afterAll, describe, expect, it } from 'vitest';
import { scriptConfig } from '../../../scripts/lib/config.ts';
import { sampleConsentVersion, SampleReferralsRefused, seedSampleReferrals } from '../../../scripts/lib/seed-referrals.ts';
import { seedSampleStaff } from '../../../scripts/lib/seed-staff.ts';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { type SampleReferral, sampleReferrals } from '../../../src/lib/sample-data/referrals.ts';
import { sampleStaff } from '../../../src/lib/sample-data/staff.ts';
import { londonDate } from '../../../src/lib/working-days/working-days.ts';
import { staffToken } from '../../support/jwt.ts';
import { testStack } from '../../support/stack.ts';
import { db, rpc, sql } from './support.ts';

const config = () => scriptConfig({ ...testStack.env, SIGNPOST_ENV: 'development' });
const development = { SIGNPOST_ENV: 'development' };

afterAll(async () => {
  await sql(`delete from public.referrals where consent_version = $1`, [sampleConsentVersion]);
  await sql(`delete from auth.users where email like 'sample.person.%@residents.example.org'`);
  await db.end();
});

async function staffMember(email: string) {
  const [row] = await sql<{ id: string }>(`select id from auth.users where email = $1`, [email]);
  return { id: row!.id, token: staffToken(row!.id, { email }) };
}

/** Where a sample referral ends up once its steps are done, worked out from the sample's own words. */
function whatHappened(sample: SampleReferral) {
  let team = `${sample.practiceOf} Link Workers`;
  let status = 'new';
  let outcome: string | undefined;
  let contacted = false;
  for (const { do: step } of sample.steps) {
    if (step.kind === 'route') team = step.team;
    if (step.kind === 'move') [status, outcome] = [step.to, step.outcome];
    if (step.kind === 'contact' && step.result === 'spoke' && ['new', 'triaged'].includes(status)) status = 'contacted';
    if (status === 'contacted') contacted = true;
  }
  return { sample, team, status, outcome, contacted, source: sample.source, needs: sample.needs };
}
type Happened = ReturnType<typeof whatHappened>;

type Figure = number | string;
interface Report {
  suppressed: boolean;
  referrals: Figure;
  by_source: { source: string; referrals: Figure }[];
  by_need: { need: string; referrals: Figure }[];
  by_practice: { name: string; referrals: Figure }[];
  first_contact: { contacted: Figure; not_contacted: Figure };
  outcomes: { closed: Figure; by_outcome: { outcome: string; referrals: Figure }[] };
}

const tally = (keys: string[]) => {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
};
/** A report's rows as { key: figure }, leaving out the rows with none. */
const nonZero = <K extends string>(rows: (Record<K, string> & { referrals: Figure })[], key: K) =>
  Object.fromEntries(rows.filter((r) => r.referrals !== 0).map((r) => [r[key], r.referrals]));

describe('sample referrals for the local stack', () => {
  it('gives the sample link worker an inbox with referrals in several states, one overdue, made through the real functions', async () => {
    await seedSampleStaff(config(), development);
    expect(await seedSampleReferrals(config(), development)).toBe(sampleReferrals.length);
    const priya = await staffMember('priya.shah@staff.example.org');
    const inbox = (await rpc(priya, 'workspace_inbox', { page_size: 200 })).body as {
      status: string;
      overdue: boolean;
      reference: string;
    }[];
    // Other tests' referrals may share the team: only the sample's count here.
    const sample = new Set(
      (await sql<{ reference: string }>(`select reference from public.referrals where consent_version = $1`, [sampleConsentVersion])).map(
        (r) => r.reference,
      ),
    );
    const mine = inbox.filter((r) => sample.has(r.reference));
    expect(new Set(mine.map((r) => r.status))).toEqual(new Set(['new', 'triaged', 'contacted', 'active', 'closed', 'declined']));
    expect(mine.filter((r) => r.overdue)).toHaveLength(1);
    const [events] = await sql<{ kinds: string[] }>(
      `select array_agg(distinct e.kind order by e.kind) as kinds from public.referral_events e
       join public.referrals r on r.id = e.referral_id where r.consent_version = $1`,
      [sampleConsentVersion],
    );
    expect(events!.kinds).toEqual(['assigned', 'case_note_added', 'contact_made', 'routed', 'status_changed', 'submitted']);
  });

  it('shows the coordinator the referral routed to the other team, and the other link workers none of Priya’s team', async () => {
    const sam = await staffMember('sam.patel@staff.example.org');
    const tom = await staffMember('tom.okafor@staff.example.org');
    const routed = (await rpc(sam, 'workspace_inbox', { page_size: 200 })).body as { given_name: string }[];
    expect(routed.map((r) => r.given_name)).toContain('Frank');
    const toms = (await rpc(tom, 'workspace_inbox', { page_size: 200 })).body as { given_name: string }[];
    expect(toms.map((r) => r.given_name)).toEqual(expect.arrayContaining(['Harold', 'Irene']));
    expect(toms.map((r) => r.given_name)).not.toContain('Margaret');
  });

  it('gives reports whose figures are the sample’s own: exact for the link worker’s team, small numbers hidden for an administrator', async () => {
    // Every sample referral arrived before today, so a period ending yesterday holds the sample
    // and none of the referrals other tests make as they run.
    const day = 24 * 60 * 60 * 1000;
    const period = { p_from: londonDate(new Date(Date.now() - 60 * day)), p_to: londonDate(new Date(Date.now() - day)) };
    const priyaTeam = sampleStaff.find((s) => s.email === 'priya.shah@staff.example.org')!.team!;
    const ours = sampleReferrals.map(whatHappened).filter((r) => r.team === priyaTeam);
    const count = (pick: (r: Happened) => boolean) => ours.filter(pick).length;
    const practiceOf = (r: SampleReferral) =>
      sampleData.places.practices.find((p) => p.pcn_id === sampleData.places.pcns.find((n) => n.name === r.practiceOf)!.id)!.name;

    const exact = (await rpc(await staffMember('priya.shah@staff.example.org'), 'report_referrals', period)).body as Report;
    expect(exact.suppressed).toBe(false);
    expect(exact.referrals).toBe(ours.length);
    expect(nonZero(exact.by_source, 'source')).toEqual(tally(ours.map((r) => r.source)));
    expect(nonZero(exact.by_need, 'need')).toEqual(tally(ours.flatMap((r) => r.needs)));
    expect(nonZero(exact.by_practice, 'name')).toEqual(tally(ours.map((r) => practiceOf(r.sample))));
    expect(exact.first_contact).toMatchObject({ contacted: count((r) => r.contacted), not_contacted: count((r) => !r.contacted) });
    expect(exact.outcomes.closed).toBe(count((r) => r.status === 'closed'));
    expect(nonZero(exact.outcomes.by_outcome, 'outcome')).toEqual(tally(ours.filter((r) => r.status === 'closed').map((r) => r.outcome!)));

    // Outside a team, a figure from 1 to 4 is shown as "fewer than 5", and one that would give a
    // small one away (the total less the others) as "not shown"; no other figure changes.
    const all = tally(sampleReferrals.map((r) => r.source));
    const everything = (await rpc(await staffMember('chris.lee@staff.example.org'), 'report_referrals', period)).body as Report;
    expect(everything.suppressed).toBe(true);
    expect(everything.referrals).toBe(sampleReferrals.length);
    const shown = nonZero(everything.by_source, 'source');
    expect(Object.keys(shown).sort()).toEqual(Object.keys(all).sort());
    for (const [source, n] of Object.entries(all))
      expect([n < 5 ? 'fewer than 5' : n, 'not shown'], `referrals from ${source}`).toContain(shown[source]);
    expect(Object.values(shown)).toContain('fewer than 5');
  });

  it('leaves the sample alone on a second start', async () => {
    expect(await seedSampleReferrals(config(), development)).toBe(0);
  });

  it('refuses anywhere but the local stack', async () => {
    await expect(seedSampleReferrals(config(), { NODE_ENV: 'production' })).rejects.toThrow(SampleReferralsRefused);
  });
});
