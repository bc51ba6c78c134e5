import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { ensureSampleData, person, type Person, rest, sql } from './support.ts';

const published = sampleData.catalogue.services.find((s) => s.published)!;
const draft = sampleData.catalogue.services.find((s) => !s.published)!;
const draftSchedule = sampleData.catalogue.schedules.find(
  (s) =>
    s.service_id === draft.id ||
    sampleData.catalogue.service_at_locations.some((p) => p.id === s.service_at_location_id && p.service_id === draft.id),
)!;

type Kind = Person['kind'];
const people = {} as Record<Kind, Person>;
const kinds: Kind[] = ['anon', 'resident', 'link_worker', 'coordinator', 'curator', 'admin'];
const curators = new Set<Kind>(['curator', 'admin']);

beforeAll(async () => {
  await ensureSampleData();
  for (const kind of kinds) people[kind] = await person(kind);
});

/** A throwaway service made as postgres, for delete tests that must not eat the sample data. */
async function scratchService(): Promise<string> {
  const id = `role-test-${randomUUID()}`;
  await sql(`insert into public.services (id, name, published) values ($1, 'Scratch service', true)`, [id]);
  return id;
}

describe.each(kinds)('the directory as %s', (kind) => {
  const who = () => people[kind];
  const isCurator = curators.has(kind);

  it(isCurator ? 'sees published services and drafts' : 'sees published services but not drafts', async () => {
    const result = await rest(who(), 'GET', `services?select=id&id=in.(${published.id},${draft.id})&order=id`);
    expect(result.status).toBe(200);
    const ids = (result.body as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual(isCurator ? [published.id, draft.id].sort() : [published.id]);
  });

  it(isCurator ? 'sees the opening times of a draft' : 'cannot see the opening times of a draft', async () => {
    const result = await rest(who(), 'GET', `schedules?select=id&id=eq.${draftSchedule.id}`);
    expect(result.status).toBe(200);
    expect((result.body as unknown[]).length).toBe(isCurator ? 1 : 0);
  });

  it(isCurator ? 'can add a service' : 'cannot add a service', async () => {
    const result = await rest(who(), 'POST', 'services', { id: `role-test-${randomUUID()}`, name: 'New walking group' });
    if (isCurator) expect(result.status).toBe(201);
    else expect({ status: result.status, code: result.code }).toEqual({ status: kind === 'anon' ? 401 : 403, code: '42501' });
  });

  it(isCurator ? 'can change a service' : 'cannot change a service', async () => {
    const id = await scratchService();
    const result = await rest(who(), 'PATCH', `services?id=eq.${id}`, { alternate_name: `Changed by ${kind}` });
    if (kind === 'anon') return expect({ status: result.status, code: result.code }).toEqual({ status: 401, code: '42501' });
    expect(result.status).toBe(200);
    expect((result.body as unknown[]).length).toBe(isCurator ? 1 : 0);
    const [row] = await sql<{ alternate_name: string | null }>('select alternate_name from public.services where id = $1', [id]);
    expect(row?.alternate_name).toBe(isCurator ? `Changed by ${kind}` : null);
  });

  it(isCurator ? 'can remove a service' : 'cannot remove a service', async () => {
    const id = await scratchService();
    const result = await rest(who(), 'DELETE', `services?id=eq.${id}`);
    if (kind === 'anon') return expect({ status: result.status, code: result.code }).toEqual({ status: 401, code: '42501' });
    expect(result.status).toBe(200);
    const remaining = await sql('select 1 from public.services where id = $1', [id]);
    expect(remaining.length).toBe(isCurator ? 0 : 1);
  });

  it(isCurator ? 'can add opening times' : 'cannot add opening times', async () => {
    const result = await rest(who(), 'POST', 'schedules', {
      id: `role-test-${randomUUID()}`,
      service_id: published.id,
      freq: 'WEEKLY',
      byday: 'SA',
    });
    if (isCurator) expect(result.status).toBe(201);
    else expect({ status: result.status, code: result.code }).toEqual({ status: kind === 'anon' ? 401 : 403, code: '42501' });
  });

  it(isCurator ? 'can read the change history' : 'cannot read the change history', async () => {
    const result = await rest(who(), 'GET', `change_history?select=id&resource_id=eq.${published.id}`);
    if (kind === 'anon') return expect({ status: result.status, code: result.code }).toEqual({ status: 401, code: '42501' });
    expect(result.status).toBe(200);
    expect((result.body as unknown[]).length > 0).toBe(isCurator);
  });

  it('cannot write the change history directly', async () => {
    const result = await rest(who(), 'POST', 'change_history', {
      resource_id: published.id,
      resource_type: 'services',
      updated_by: 'forger',
      last_action_type: 'update',
    });
    expect({ status: result.status, code: result.code }).toEqual({ status: kind === 'anon' ? 401 : 403, code: '42501' });
  });

  it('can read the needs taxonomy with its resident wording', async () => {
    const result = await rest(who(), 'GET', 'taxonomy_terms?select=id,resident_label,synonyms&taxonomy_id=eq.signpost-needs');
    expect(result.status).toBe(200);
    const terms = result.body as { id: string; resident_label: string; synonyms: string[] }[];
    expect(terms).toHaveLength(18);
    expect(terms.find((t) => t.id === 'need-money')?.synonyms).toContain('universal credit');
  });
});
