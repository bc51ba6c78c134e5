import { beforeAll, describe, expect, it } from 'vitest';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { ensureSampleData, person, rest } from './support.ts';

// Who may read these tables is in tests/integration/security/expectations.ts; this is what they hold.
const anon = { kind: 'anon' as const };
beforeAll(() => ensureSampleData());

describe('public reference data, as anon', () => {
  it('includes the needs taxonomy with its resident wording', async () => {
    const result = await rest(anon, 'GET', 'taxonomy_terms?select=id,resident_label,synonyms&taxonomy_id=eq.signpost-needs');
    expect(result.status).toBe(200);
    const terms = result.body as { id: string; resident_label: string; synonyms: string[] }[];
    expect(terms).toHaveLength(18);
    expect(terms.find((t) => t.id === 'need-money')?.synonyms).toContain('universal credit');
  });

  it('includes PCNs with their boundaries and practices', async () => {
    const pcn = sampleData.places.pcns.find((p) => p.name === 'Teesdale PCN')!;
    const result = await rest(anon, 'GET', `pcns?select=code,boundary,gp_practices(code)&code=eq.${pcn.code}`);
    expect(result.status).toBe(200);
    const [row] = result.body as { code: string; boundary: { type: string }; gp_practices: unknown[] }[];
    expect(row?.boundary.type).toBe('Polygon');
    expect(row?.gp_practices.length).toBe(sampleData.places.practices.filter((p) => p.pcn_id === pcn.id).length);
  });

  it('leaves out the PCNs a team hidden from the public serves', async () => {
    const hidden = sampleData.places.teams.filter((t) => t.is_public === false).map((t) => t.id);
    const staff = await person('link_worker');
    const query = `team_pcns?select=team_id,pcn_id&team_id=in.(${hidden.join(',')})`;
    const [asAnon, asStaff] = await Promise.all([rest(anon, 'GET', query), rest(staff, 'GET', query)]);
    expect(asAnon.body).toEqual([]);
    expect((asStaff.body as unknown[]).length).toBeGreaterThan(0);
  });
});
