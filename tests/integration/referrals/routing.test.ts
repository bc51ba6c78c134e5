import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  db,
  resident,
  type Resident,
  samplePractice,
  type SamplePractice,
  selfAnswers,
  sql,
  staff,
  submit,
  wardAnswers,
} from './support.ts';

/**
 * Where a referral goes (docs/referrals.md), with the sample data's places: West Norfolk's
 * Lynn and the Coast PCN (U90001) is served by its own link workers, the West Norfolk Community
 * Connectors (a voluntary-sector service working with them as one) and King's Lynn Hospital
 * Housing Team; Norwich City Centre PCN (U90003) has no hospital team.
 */
const teamOf = async (reference: string) => {
  const [row] = await sql<{ name: string; kind: string }>(
    `select t.name, t.kind from public.referrals r join public.teams t on t.id = r.team_id where r.reference = $1`,
    [reference],
  );
  return row!;
};
const teamId = async (name: string) => (await sql<{ id: string }>(`select id from public.teams where name = $1`, [name]))[0]!.id;
const referenceOf = (body: unknown) => (body as { reference: string }).reference;

let lynn: SamplePractice;
beforeAll(async () => {
  lynn = await samplePractice('U90001');
});
afterAll(() => db.end());

describe('routing a referral', () => {
  it("sends a self-referral to the link workers of the practice's PCN", async () => {
    const answer = await submit(await resident(), selfAnswers(lynn));
    expect(await teamOf(referenceOf(answer.body))).toEqual({ name: 'Lynn and the Coast PCN Link Workers', kind: 'pcn_link_workers' });
  });

  it("sends a hospital ward's referral to the hospital discharge team serving the practice's PCN", async () => {
    const answer = await submit(await resident(), wardAnswers(lynn));
    expect(answer.status).toBe(200);
    expect(await teamOf(referenceOf(answer.body))).toEqual({ name: "King's Lynn Hospital Housing Team", kind: 'hospital_discharge' });
    const [stored] = await sql(
      `select source, ward, discharge_needs, expected_discharge_date > current_date as discharge_ahead, referrer_name, referrer_role,
              referrer_organisation, person_consented, reason is not null as has_reason, what_matters
       from public.referrals where reference = $1`,
      [referenceOf(answer.body)],
    );
    expect(stored).toEqual({
      source: 'hospital_ward',
      ward: 'Ward 4, Elderly Care',
      discharge_needs: ['cluttered_or_unsafe_home', 'minor_repairs_or_adaptations'],
      discharge_ahead: true,
      referrer_name: 'Nurse Jo Example',
      referrer_role: 'Ward nurse',
      referrer_organisation: "Queen Elizabeth Hospital King's Lynn",
      person_consented: true,
      has_reason: true,
      what_matters: null,
    });
  });

  it("sends the emergency department's referral to Mansfield's home-from-hospital team", async () => {
    const mansfield = await samplePractice('U90009');
    const answer = await submit(await resident(), wardAnswers(mansfield, { source: 'emergency_department', ward: null }));
    expect(await teamOf(referenceOf(answer.body))).toEqual({ name: 'Mansfield Home from Hospital Team', kind: 'hospital_discharge' });
  });

  it('sends a hospital referral to the link workers where no hospital team serves the PCN', async () => {
    const norwich = await samplePractice('U90003');
    const answer = await submit(await resident(), wardAnswers(norwich));
    expect(await teamOf(referenceOf(answer.body))).toEqual({ name: 'Norwich City Centre PCN Link Workers', kind: 'pcn_link_workers' });
  });

  it('never sends a self-referral to a hospital discharge team', async () => {
    const rows = await sql<{ code: string; kind: string | null }>(
      `select n.code, t.kind from public.pcns n left join public.teams t on t.id = public.referral_team_for(n.id, 'self')
       where n.code like 'U9%' order by n.code`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(9);
    for (const row of rows) expect(row).toEqual({ code: row.code, kind: 'pcn_link_workers' });
  });

  it('takes a professional referral from a PCN closed to self-referral', async () => {
    const closed = await samplePractice(undefined, false);
    const answer = await submit(await resident(), wardAnswers(closed, { source: 'social_worker', ward: null }));
    expect(answer.status).toBe(200);
  });

  it.each([
    ['ward', { ward: null }, 'Enter the ward the person is on'],
    ['person_consented', { person_consented: false }, 'Confirm that the person agreed to this referral'],
    ['referrer_phone', { referrer_phone: null, referrer_email: null }, 'Enter a phone number or email address so the team can reach you'],
    ['referrer_name', { referrer_name: '' }, 'Enter your name'],
    ['reason', { reason: 'x'.repeat(2001) }, 'Reason for the referral must be 2000 characters or fewer'],
    ['ward', { ward: 'x'.repeat(101) }, 'Ward must be 100 characters or fewer'],
    ['discharge_needs', { discharge_needs: ['a_new_house'] }, 'Select discharge support needs from the list'],
    ['expected_discharge_date', { expected_discharge_date: '2027-13-01' }, 'Expected discharge date must be a real date'],
    ['date_of_birth', { date_of_birth: null }, 'Enter their date of birth'],
  ])("refuses a ward's referral when %s is wrong", async (field, change, message) => {
    const answer = await submit(await resident(), wardAnswers(lynn, change));
    expect(answer).toMatchObject({ status: 422, code: 'SP422', hint: field, message });
  });
});

describe('who on the staff sees a routed referral', () => {
  let selfRef: string;
  let wardRef: string;
  let lynnWorker: Resident;
  let connector: Resident;
  let connectorsCoordinator: Resident;
  let hospitalWorker: Resident;
  let curator: Resident;

  beforeAll(async () => {
    selfRef = referenceOf((await submit(await resident(), selfAnswers(lynn))).body);
    wardRef = referenceOf((await submit(await resident(), wardAnswers(lynn))).body);
    lynnWorker = await staff('link_worker', await teamId('Lynn and the Coast PCN Link Workers'));
    connector = await staff('link_worker', await teamId('West Norfolk Community Connectors'));
    connectorsCoordinator = await staff('coordinator', await teamId('West Norfolk Community Connectors'));
    hospitalWorker = await staff('link_worker', await teamId("King's Lynn Hospital Housing Team"));
    curator = await staff('curator', null);
  });

  const sees = async (who: Resident) => {
    const answer = await call(who, 'GET', `referrals?select=reference&reference=in.(${selfRef},${wardRef})&order=reference`);
    return (answer.body as { reference: string }[]).map((r) => r.reference).sort();
  };

  it('shows a link worker the referrals routed to their team only', async () => {
    expect(await sees(lynnWorker)).toEqual([selfRef]);
    expect(await sees(hospitalWorker)).toEqual([wardRef]);
  });

  it('shows a coordinator every referral of the PCNs their team serves, for one triage across the teams', async () => {
    expect(await sees(connectorsCoordinator)).toEqual([selfRef, wardRef].sort());
  });

  it("does not show a partner team's link worker what was routed to another team", async () => {
    expect(await sees(connector)).toEqual([]);
  });

  it('shows a curator nothing', async () => {
    expect(await sees(curator)).toEqual([]);
  });
});
