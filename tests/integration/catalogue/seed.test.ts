import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { testStack } from '../../support/stack.ts';
import { ensureSampleData, sql } from './support.ts';

describe('seeding the catalogue sample data', () => {
  it('loads every sample PCN, practice, team and service, and changes nothing when run again', async () => {
    await ensureSampleData();
    const seeded = () => sql<{ n: number }>(`select count(*)::int as n from public.change_history where updated_by like 'seed:%'`);
    const before = (await seeded())[0]?.n;
    const counts = await ensureSampleData();
    expect((await seeded())[0]?.n).toBe(before);
    expect(counts).toMatchObject({
      pcns: 9,
      gpPractices: sampleData.places.practices.length,
      services: sampleData.catalogue.services.length,
    });
    const [present] = await sql<{ services: number; pcns: number; practices: number }>(
      `select (select count(*)::int from public.services where id = any($1)) as services,
              (select count(*)::int from public.pcns where id = any($2::uuid[])) as pcns,
              (select count(*)::int from public.gp_practices where id = any($3::uuid[])) as practices`,
      [
        sampleData.catalogue.services.map((s) => s.id),
        sampleData.places.pcns.map((p) => p.id),
        sampleData.places.practices.map((p) => p.id),
      ],
    );
    expect(present).toEqual({ services: sampleData.catalogue.services.length, pcns: 9, practices: sampleData.places.practices.length });
  });

  it('does not wait on referrals being made meanwhile, which hold key locks on their practice, PCN and team', async () => {
    await ensureSampleData();
    // What a referral's foreign keys take while submit_referral's transaction is open.
    const referral = new pg.Client({ connectionString: testStack.databaseUrl });
    await referral.connect();
    try {
      await referral.query('begin');
      await referral.query(`select 1 from public.gp_practices for key share`);
      await referral.query(`select 1 from public.pcns for key share`);
      await referral.query(`select 1 from public.teams for key share`);
      const outcome = await Promise.race([
        ensureSampleData().then(() => 'finished'),
        new Promise((resolve) => setTimeout(resolve, 30_000, "still waiting on the referral's locks")),
      ]);
      expect(outcome).toBe('finished');
    } finally {
      await referral.query('rollback');
      await referral.end();
    }
  }, 60_000);
});
