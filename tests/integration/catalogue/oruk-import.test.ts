import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, importOruk } from '../../../src/lib/oruk/import.ts';
import { scratchDatabase, sql } from './support.ts';

const fixture = new URL('../../../../shared/fixtures/oruk/north-lincolnshire-services.json', import.meta.url).pathname;
let db: Awaited<ReturnType<typeof scratchDatabase>>;

beforeAll(async () => {
  db = await scratchDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('importing the North Lincolnshire ORUK feed', () => {
  it('imports all 738 services, rejects none, and says so', async () => {
    const report = await importOruk(db.url, fixture);
    expect({ total: report.total, imported: report.imported, rejected: report.rejected }).toEqual({
      total: 738,
      imported: 738,
      rejected: [],
    });
    expect(formatReport(report)).toContain('Imported 738, rejected 0.');
    const [counts] = await sql<{ services: number; organizations: number; with_markup: number }>(
      `select (select count(*)::int from public.services) as services,
              (select count(*)::int from public.organizations) as organizations,
              (select count(*)::int from public.services where description ~ '<[a-z/]|&nbsp;|&amp;') as with_markup`,
      [],
      db.url,
    );
    expect(counts).toEqual({ services: 738, organizations: 239, with_markup: 0 });
  });

  it('changes nothing and records no history when the same feed is imported again', async () => {
    const before = await sql<{ n: number }>('select count(*)::int as n from public.change_history', [], db.url);
    const report = await importOruk(db.url, fixture);
    expect(report.imported).toBe(738);
    const after = await sql<{ n: number }>('select count(*)::int as n from public.change_history', [], db.url);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('reports each bad record with its reason and carries on with the rest', async () => {
    const report = await importOruk(db.url, 'inline test document', [
      { id: 'good-1', name: 'Good service' },
      { name: 'No id here' },
      { id: 'no-name' },
      { id: 'good-1', name: 'Good service again' },
      'not even an object',
    ]);
    expect(report.imported).toBe(1);
    expect(report.rejected.map((r) => [r.position, r.reason.split('\n')[0]])).toEqual([
      [2, 'missing id'],
      [3, 'missing name'],
      [4, 'the same id appears earlier in this source'],
      [5, 'not an ORUK service:'],
    ]);
    expect(report.imported + report.rejected.length).toBe(report.total);
  });
});
