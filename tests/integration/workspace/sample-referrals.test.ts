import { afterAll, describe, expect, it } from 'vitest';
import { scriptConfig } from '../../../scripts/lib/config.ts';
import { sampleConsentVersion, SampleReferralsRefused, seedSampleReferrals } from '../../../scripts/lib/seed-referrals.ts';
import { seedSampleStaff } from '../../../scripts/lib/seed-staff.ts';
import { sampleReferrals } from '../../../src/lib/sample-data/referrals.ts';
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

  it('leaves the sample alone on a second start', async () => {
    expect(await seedSampleReferrals(config(), development)).toBe(0);
  });

  it('refuses anywhere but the local stack', async () => {
    await expect(seedSampleReferrals(config(), { NODE_ENV: 'production' })).rejects.toThrow(SampleReferralsRefused);
  });
});
