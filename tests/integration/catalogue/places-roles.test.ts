import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { ensureSampleData, person, type Person, rest, sql } from './support.ts';

const { places } = sampleData;
const pcn = places.pcns.find((p) => p.name === 'Teesdale PCN')!;
const hiddenTeams = places.teams.filter((t) => t.is_public === false);

type Kind = Person['kind'];
const people = {} as Record<Kind, Person>;
const kinds: Kind[] = ['anon', 'resident', 'link_worker', 'coordinator', 'curator', 'admin'];
const staff = new Set<Kind>(['link_worker', 'coordinator', 'curator', 'admin']);

beforeAll(async () => {
  await ensureSampleData();
  for (const kind of kinds) people[kind] = await person(kind);
});

describe.each(kinds)('PCNs, practices, teams and staff as %s', (kind) => {
  const who = () => people[kind];
  const isAdmin = kind === 'admin';
  const isStaff = staff.has(kind);

  it('can see PCNs with their boundaries and practices', async () => {
    const result = await rest(who(), 'GET', `pcns?select=code,boundary,gp_practices(code)&code=eq.${pcn.code}`);
    expect(result.status).toBe(200);
    const [row] = result.body as { code: string; boundary: { type: string }; gp_practices: unknown[] }[];
    expect(row?.boundary.type).toBe('Polygon');
    expect(row?.gp_practices.length).toBe(places.practices.filter((p) => p.pcn_id === pcn.id).length);
  });

  it(isStaff ? 'can see every team, including hospital-only ones' : 'sees public teams only', async () => {
    const result = await rest(who(), 'GET', `teams?select=id&id=in.(${hiddenTeams.map((t) => t.id).join(',')})`);
    expect(result.status).toBe(200);
    expect((result.body as unknown[]).length).toBe(isStaff ? hiddenTeams.length : 0);
  });

  it(isAdmin ? 'can change a PCN’s team details' : 'cannot change a PCN’s team details', async () => {
    const result = await rest(who(), 'PATCH', `pcns?code=eq.${pcn.code}`, { team_description: pcn.team_description });
    if (kind === 'anon') return expect({ status: result.status, code: result.code }).toEqual({ status: 401, code: '42501' });
    expect(result.status).toBe(200);
    expect((result.body as unknown[]).length).toBe(isAdmin ? 1 : 0);
  });

  it(isAdmin ? 'can add a GP practice' : 'cannot add a GP practice', async () => {
    const code = `Z${String(Math.floor(Math.random() * 100000)).padStart(5, '0')}`;
    const result = await rest(who(), 'POST', 'gp_practices', { code, name: 'Test Surgery', pcn_id: pcn.id });
    if (isAdmin) expect(result.status).toBe(201);
    else expect({ status: result.status, code: result.code }).toEqual({ status: kind === 'anon' ? 401 : 403, code: '42501' });
    await sql('delete from public.gp_practices where code = $1', [code]);
  });

  it(isStaff ? 'can see colleagues' : 'cannot see staff', async () => {
    const result = await rest(who(), 'GET', `staff_members?select=user_id&user_id=eq.${people.admin.id}`);
    if (kind === 'anon') return expect({ status: result.status, code: result.code }).toEqual({ status: 401, code: '42501' });
    expect(result.status).toBe(200);
    expect((result.body as unknown[]).length).toBe(isStaff ? 1 : 0);
  });

  it(isAdmin ? 'can make someone a curator' : 'cannot make anyone a curator, themselves included', async () => {
    const target = kind === 'anon' || isAdmin ? await person('resident') : who();
    const result = await rest(who(), 'POST', 'staff_members', { user_id: target.id, role: 'curator', display_name: 'Promoted' });
    if (isAdmin) return expect(result.status).toBe(201);
    expect({ status: result.status, code: result.code }).toEqual({ status: kind === 'anon' ? 401 : 403, code: '42501' });
  });

  it(isAdmin ? 'can change someone’s role' : 'cannot change anyone’s role, their own included', async () => {
    const target = kind === 'anon' || kind === 'resident' || isAdmin ? people.link_worker : who();
    const result = await rest(who(), 'PATCH', `staff_members?user_id=eq.${target.id}`, { role: 'admin' });
    if (kind === 'anon') return expect({ status: result.status, code: result.code }).toEqual({ status: 401, code: '42501' });
    expect(result.status).toBe(200);
    expect((result.body as unknown[]).length).toBe(isAdmin ? 1 : 0);
    if (isAdmin) await sql(`update public.staff_members set role = 'link_worker' where user_id = $1`, [target.id]);
  });

  it('has the role the helpers report for the signed-in person', async () => {
    const result = await rest(who(), 'POST', 'rpc/staff_role', {});
    expect(result.status).toBe(200);
    expect(result.body).toBe(isStaff ? kind : null);
    const curator = await rest(who(), 'POST', 'rpc/is_curator', {});
    expect(curator.body).toBe(kind === 'curator' || isAdmin);
  });
});

describe('a staff member who has left', () => {
  it('loses their powers as soon as they are marked inactive', async () => {
    const curator = await person('curator');
    await sql('update public.staff_members set active = false where user_id = $1', [curator.id]);
    const result = await rest(curator, 'POST', 'services', { id: `role-test-${randomUUID()}`, name: 'Should not appear' });
    expect({ status: result.status, code: result.code }).toEqual({ status: 403, code: '42501' });
  });
});
