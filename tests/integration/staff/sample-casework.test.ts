import { describe, expect, it } from 'vitest';
import { scriptConfig } from '../../../scripts/lib/config.ts';
import { SampleCaseworkRefused, seedSampleCasework } from '../../../scripts/lib/seed-casework.ts';
import { seedSampleStaff } from '../../../scripts/lib/seed-staff.ts';
import { testStack } from '../../support/stack.ts';
import { resident, selfAnswers, sql, submit } from '../referrals/support.ts';

const config = () => scriptConfig({ ...testStack.env, SIGNPOST_ENV: 'development' });
const team = 'Lynn and the Coast PCN Link Workers';

/** A self-referral from a practice of the sample link worker Priya Shah's PCN, so it reaches her team. */
async function referralToSampleTeam(): Promise<string> {
  const [practice] = await sql<{ code: string; name: string; pcnCode: string; pcnId: string }>(
    `select p.code, p.name, n.code as "pcnCode", n.id as "pcnId" from public.teams t
     join public.team_pcns tp on tp.team_id = t.id join public.pcns n on n.id = tp.pcn_id and n.self_referral_open
     join public.gp_practices p on p.pcn_id = n.id where t.name = $1 order by p.code limit 1`,
    [team],
  );
  const person = await resident();
  const sent = await submit(person, selfAnswers(practice!));
  expect(sent.status).toBe(200);
  const [row] = await sql<{ id: string; team: string }>(
    `select r.id, t.name as team from public.referrals r join public.teams t on t.id = r.team_id where r.owner_id = $1`,
    [person.id],
  );
  expect(row?.team).toBe(team);
  return row!.id;
}

describe('sample plans, wellbeing and funds for the local stack', () => {
  it('gives a referral a plan with two directory services and wellbeing at the start and review, through the real functions', async () => {
    await seedSampleStaff(config(), { SIGNPOST_ENV: 'development' });
    const referralId = await referralToSampleTeam();
    const counts = await seedSampleCasework(config(), { SIGNPOST_ENV: 'development' }, { onlyReferrals: [referralId] });
    expect(counts).toMatchObject({ plans: 1, wellbeing: 2 });
    const services = await sql<{ status: string }>(
      `select status from public.referral_plan_services where referral_id = $1 order by created_at`,
      [referralId],
    );
    expect(services.map((s) => s.status)).toEqual(['attending', 'referred']);
    const stages = await sql<{ stage: string }>(`select stage from public.referral_wellbeing where referral_id = $1 order by id`, [
      referralId,
    ]);
    expect(stages.map((s) => s.stage)).toEqual(['start', 'review']);
    const [events] = await sql<{ n: number; actors: number }>(
      `select count(*)::int as n, count(distinct actor_id)::int as actors from public.referral_events
       where referral_id = $1 and kind in ('plan_changed', 'wellbeing_recorded')`,
      [referralId],
    );
    expect(events).toEqual({ n: 5, actors: 1 });
  });

  it('leaves each sample team a fund with a top-up and a spend, and adds nothing on a second start', async () => {
    const referralId = await referralToSampleTeam();
    await seedSampleCasework(config(), { SIGNPOST_ENV: 'development' }, { onlyReferrals: [referralId] });
    const [fund] = await sql<{ top_ups: number; spends: number; balance: string }>(
      `select count(*) filter (where e.kind = 'top_up')::int as top_ups, count(*) filter (where e.kind = 'spend')::int as spends,
              (select f.balance_pence::text from public.team_funds f where f.team_id = t.id) as balance
       from public.teams t join public.team_fund_entries e on e.team_id = t.id where t.name = $1 group by t.id`,
      [team],
    );
    expect(fund!.top_ups).toBeGreaterThanOrEqual(1);
    expect(fund!.spends).toBeGreaterThanOrEqual(1);
    const again = await seedSampleCasework(config(), { SIGNPOST_ENV: 'development' }, { onlyReferrals: [referralId] });
    expect(again).toEqual({ plans: 0, wellbeing: 0, topUps: 0, spends: 0 });
  });

  it('refuses anywhere but the local stack, before writing anything', async () => {
    await expect(seedSampleCasework(config(), { SIGNPOST_ENV: 'production' })).rejects.toThrow(SampleCaseworkRefused);
  });
});
