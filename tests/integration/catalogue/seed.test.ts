import { describe, expect, it } from 'vitest';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
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
});
