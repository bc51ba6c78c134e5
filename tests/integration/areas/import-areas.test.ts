import { afterAll, describe, expect, it } from 'vitest';
import { importAreas, prepareAreas } from '../../../scripts/lib/areas-import.ts';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { sql } from '../catalogue/support.ts';
import { testStack } from '../../support/stack.ts';

const teesdale = sampleData.places.pcns.find((p) => p.code === 'U90006')!;
const ring = (west: number) => [
  [west, 54.5],
  [west + 0.2, 54.5],
  [west + 0.2, 54.7],
  [west, 54.7],
  [west, 54.5],
];
const collection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: 'T99001', name: 'Imported Test PCN', icb: 'NHS Test ICB' },
      geometry: { type: 'Polygon', coordinates: [ring(-2)] },
    },
    { type: 'Feature', properties: { code: 'U90006', name: teesdale.name }, geometry: { type: 'Polygon', coordinates: [ring(-2.1)] } },
    { type: 'Feature', properties: { code: 'T99002', name: 'No ICB PCN' }, geometry: { type: 'Polygon', coordinates: [ring(-1)] } },
  ],
};

afterAll(async () => {
  await sql("delete from public.pcns where code like 'T9900%'");
  await sql('update public.pcns set boundary = $2 where code = $1', [teesdale.code, JSON.stringify(teesdale.boundary)]);
});

describe('importing PCN boundaries into the catalogue', () => {
  it('adds new PCNs, updates existing ones by code, keeps their ICB, and rejects a new PCN without an ICB', async () => {
    const report = await importAreas(testStack.databaseUrl, prepareAreas(collection));
    expect(report.added).toEqual(['T99001']);
    expect(report.updated).toEqual(['U90006']);
    expect(report.rejected.map((r) => [r.feature, r.label])).toEqual([[3, 'T99002 No ICB PCN']]);
    expect(report.rejected[0]?.reason).toMatch(/new PCN with no ICB/);

    const rows = await sql<{ code: string; icb: string; boundary: { coordinates: number[][][] } }>(
      "select code, icb, boundary from public.pcns where code in ('T99001', 'U90006', 'T99002') order by code",
    );
    expect(rows.map((r) => [r.code, r.icb, r.boundary.coordinates[0]![0]])).toEqual([
      ['T99001', 'NHS Test ICB', [-2, 54.5]],
      ['U90006', teesdale.icb, [-2.1, 54.5]],
    ]);
  });
});
