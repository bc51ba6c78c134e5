import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { person, type Person, rest, sql } from '../catalogue/support.ts';

/**
 * What the role helpers report, and the staff cases the table-by-table expectations
 * (expectations.ts) do not reach: changing one's own staff row, and leaving.
 */
type Kind = Person['kind'];
const people = {} as Record<Kind, Person>;
const kinds: Kind[] = ['anon', 'resident', 'link_worker', 'coordinator', 'curator', 'admin'];
const staff = new Set<Kind>(['link_worker', 'coordinator', 'curator', 'admin']);

beforeAll(async () => {
  for (const kind of kinds) people[kind] = await person(kind);
});

describe.each(kinds)('staff powers as %s', (kind) => {
  const who = () => people[kind];
  const isAdmin = kind === 'admin';

  it('has the role the helpers report for the signed-in person', async () => {
    const result = await rest(who(), 'POST', 'rpc/staff_role', {});
    expect(result.status).toBe(200);
    expect(result.body).toBe(staff.has(kind) ? kind : null);
    const curator = await rest(who(), 'POST', 'rpc/is_curator', {});
    expect(curator.body).toBe(kind === 'curator' || isAdmin);
  });

  if (kind === 'anon' || isAdmin) return;

  it('cannot make themselves a curator', async () => {
    const result = await rest(who(), 'POST', 'staff_members', { user_id: who().id, role: 'curator', display_name: 'Promoted' });
    expect({ status: result.status, code: result.code }).toEqual({ status: 403, code: '42501' });
  });

  it('cannot change their own role', async () => {
    const result = await rest(who(), 'PATCH', `staff_members?user_id=eq.${who().id}`, { role: 'admin' });
    expect({ status: result.status, body: result.body }).toEqual({ status: 200, body: [] });
    const [row] = await sql<{ role: string }>('select role from public.staff_members where user_id = $1', [who().id]);
    expect(row?.role).toBe(staff.has(kind) ? kind : undefined);
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

describe.each(['link_worker', 'coordinator', 'curator', 'admin'] as const)(
  'a %s whose session stopped at the password (aal1, no second factor)',
  (kind) => {
    let who: Person;
    beforeAll(async () => {
      who = await person(kind, { aal: 'aal1' });
    });

    it('has no staff role in the helpers until the second factor is verified', async () => {
      const calls = await Promise.all(['staff_role', 'is_staff', 'is_curator', 'is_admin'].map((fn) => rest(who, 'POST', `rpc/${fn}`, {})));
      expect(calls.map((c) => c.body)).toEqual([null, false, false, false]);
    });

    it('is told they hold a staff account, so the sign-in can ask for the second factor', async () => {
      expect((await rest(who, 'POST', 'rpc/has_staff_account', {})).body).toBe(true);
    });

    it('cannot see colleagues, even their own staff row', async () => {
      expect((await rest(who, 'GET', `staff_members?select=user_id`)).body).toEqual([]);
    });
  },
);

describe('asking whether one holds a staff account', () => {
  it('says no to a signed-in resident', async () => {
    expect((await rest(await person('resident'), 'POST', 'rpc/has_staff_account', {})).body).toBe(false);
  });

  it('says no to a staff member who has left', async () => {
    const leaver = await person('link_worker', { aal: 'aal1' });
    await sql('update public.staff_members set active = false where user_id = $1', [leaver.id]);
    expect((await rest(leaver, 'POST', 'rpc/has_staff_account', {})).body).toBe(false);
  });

  it('is not open to callers without a session', async () => {
    const result = await rest({ kind: 'anon' }, 'POST', 'rpc/has_staff_account', {});
    expect({ status: result.status, code: result.code }).toEqual({ status: 401, code: '42501' });
  });
});
