import { beforeAll, describe, expect, it } from 'vitest';
import { call, makePlace, type Place, refusal, rpc, sql } from './support.ts';

let place: Place;
beforeAll(async () => {
  place = await makePlace('fund');
});

const balance = async (teamId: string) =>
  Number((await sql<{ b: string }>(`select balance_pence::text as b from public.team_funds where team_id = $1`, [teamId]))[0]?.b ?? 0);
const spend = (amount_pence: number, who = place.linkWorker) =>
  rpc(who, 'record_fund_spend', {
    referral_id: place.referralId,
    amount_pence,
    purpose: 'Clearing the hallway before discharge',
    supplier: 'Lynn Clearances Ltd',
    approved_by: 'Sam Patel, coordinator',
  });

describe('topping up a team fund', () => {
  it('is open to the team coordinator and to admins, and moves the balance by exact pence', async () => {
    const first = await rpc(place.coordinator, 'top_up_team_fund', {
      team_id: place.teamId,
      amount_pence: 10_001,
      purpose: 'Council grant, December',
    });
    expect(first.body).toMatchObject({ kind: 'top_up', amount_pence: 10_001, balance_pence: 10_001, recorded_by: place.coordinator.id });
    await rpc(place.admin, 'top_up_team_fund', { team_id: place.teamId, amount_pence: 4_999, purpose: 'Charity donation' });
    expect(await balance(place.teamId)).toBe(15_000);
  });

  it('refuses link workers, curators, coordinators of other teams and sessions without a second factor', async () => {
    const args = { team_id: place.teamId, amount_pence: 100, purpose: 'Forged' };
    for (const who of [place.linkWorker, place.curator, place.person, place.linkWorkerAal1])
      expect(refusal(await rpc(who, 'top_up_team_fund', args))).toEqual({ status: 403, code: 'SP403', hint: null });
    expect(refusal(await rpc(place.otherCoordinator, 'top_up_team_fund', args))).toEqual({ status: 403, code: 'SP403', hint: 'team_id' });
    expect(refusal(await rpc(null, 'top_up_team_fund', args))).toMatchObject({ status: 401, code: '42501' });
  });

  it('refuses no amount, a negative amount and a missing source, naming the field', async () => {
    const zero = await rpc(place.coordinator, 'top_up_team_fund', { team_id: place.teamId, amount_pence: 0, purpose: 'Grant' });
    expect(refusal(zero)).toEqual({ status: 422, code: 'SP422', hint: 'amount_pence' });
    const negative = await rpc(place.coordinator, 'top_up_team_fund', { team_id: place.teamId, amount_pence: -500, purpose: 'Grant' });
    expect(refusal(negative)).toEqual({ status: 422, code: 'SP422', hint: 'amount_pence' });
    const blank = await rpc(place.coordinator, 'top_up_team_fund', { team_id: place.teamId, amount_pence: 500, purpose: '  ' });
    expect(refusal(blank)).toEqual({ status: 422, code: 'SP422', hint: 'purpose' });
    expect(await balance(place.teamId)).toBe(15_000);
  });
});

describe('spending from a team fund on a referral', () => {
  it('records a link worker’s spend with a timeline event the person does not see', async () => {
    const spent = await spend(4_500);
    expect(spent.body).toMatchObject({ kind: 'spend', amount_pence: 4_500, balance_pence: 10_500, referral_id: place.referralId });
    const [event] = await sql<{ person_visible: boolean; detail: Record<string, unknown> }>(
      `select person_visible, detail from public.referral_events where referral_id = $1 and kind = 'spend_recorded'`,
      [place.referralId],
    );
    expect(event).toEqual({ person_visible: false, detail: { amount_pence: 4_500, team_id: place.teamId } });
  });

  it('refuses a spend beyond the balance with a message that says what is left', async () => {
    const over = await spend(10_501);
    expect(refusal(over)).toEqual({ status: 409, code: 'SP409', hint: 'amount_pence' });
    expect(over.message).toBe(
      'The team fund holds £105.00, which does not cover £105.01. Spend no more than £105.00, or ask your coordinator to top the fund up.',
    );
    expect(await balance(place.teamId)).toBe(10_500);
  });

  it('lets only one of two spends at once through when together they exceed the balance', async () => {
    const [a, b] = await Promise.all([spend(6_000), spend(6_000)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await balance(place.teamId)).toBe(4_500);
    const [sum] = await sql<{ top: string; spent: string }>(
      `select sum(amount_pence) filter (where kind = 'top_up')::text as top, sum(amount_pence) filter (where kind = 'spend')::text as spent
       from public.team_fund_entries where team_id = $1`,
      [place.teamId],
    );
    expect(Number(sum!.top) - Number(sum!.spent)).toBe(4_500);
  });

  it('refuses coordinators, other teams’ link workers, the person and sessions without a second factor', async () => {
    for (const who of [place.coordinator, place.curator, place.person, place.linkWorkerAal1])
      expect(refusal(await spend(100, who))).toEqual({ status: 403, code: 'SP403', hint: null });
    expect(refusal(await spend(100, place.otherLinkWorker))).toEqual({ status: 404, code: 'SP404', hint: 'referral_id' });
    expect(refusal(await spend(100, null as never))).toMatchObject({ status: 401, code: '42501' });
  });

  it('refuses a spend without a supplier or an approver, naming the field', async () => {
    const args = { referral_id: place.referralId, amount_pence: 100, purpose: 'Grab rails' };
    expect(refusal(await rpc(place.linkWorker, 'record_fund_spend', { ...args, supplier: '', approved_by: 'Sam' }))).toEqual({
      status: 422,
      code: 'SP422',
      hint: 'supplier',
    });
    expect(refusal(await rpc(place.linkWorker, 'record_fund_spend', { ...args, supplier: 'Handy Ltd', approved_by: ' ' }))).toEqual({
      status: 422,
      code: 'SP422',
      hint: 'approved_by',
    });
  });

  it('is refused by the database itself when a row would take the balance below zero', async () => {
    await expect(
      sql(
        `insert into public.team_fund_entries (team_id, kind, amount_pence, purpose, supplier, approved_by)
           values ($1, 'spend', 999999, 'Direct', 'Direct', 'Direct')`,
        [place.teamId],
      ),
    ).rejects.toThrow(/team_funds_balance_pence_check/);
  });

  it('shows the team its entries, other teams nothing, and the person neither the spend nor its event', async () => {
    const team = await call(place.linkWorker, 'GET', `team_fund_entries?team_id=eq.${place.teamId}&select=kind&order=id`);
    expect(team.body).toEqual([{ kind: 'top_up' }, { kind: 'top_up' }, { kind: 'spend' }, { kind: 'spend' }]);
    expect((await call(place.otherLinkWorker, 'GET', `team_fund_entries?team_id=eq.${place.teamId}`)).body).toEqual([]);
    expect((await call(place.person, 'GET', `team_fund_entries?referral_id=eq.${place.referralId}`)).body).toEqual([]);
    expect((await call(place.person, 'GET', `referral_events?referral_id=eq.${place.referralId}&kind=eq.spend_recorded`)).body).toEqual([]);
    const fund = await call(place.coordinator, 'GET', `team_funds?team_id=eq.${place.teamId}&select=balance_pence`);
    expect(fund.body).toEqual([{ balance_pence: 4_500 }]);
  });
});
