import { describe, expect, it } from 'vitest';
import { sql } from './support.ts';

/** The grants each catalogue table should have: the API roles get exactly these, nothing more. */
const expected: Record<string, Record<'anon' | 'authenticated' | 'service_role', string[]>> = {};
const publicRead = [
  'organizations',
  'services',
  'locations',
  'service_at_locations',
  'schedules',
  'cost_options',
  'contacts',
  'phones',
  'languages',
  'service_areas',
  'taxonomies',
  'taxonomy_terms',
  'service_taxonomies',
  'pcns',
  'gp_practices',
  'teams',
  'team_pcns',
];
const write = ['DELETE', 'INSERT', 'SELECT', 'UPDATE'];
for (const table of publicRead) expected[table] = { anon: ['SELECT'], authenticated: write, service_role: write };
expected.staff_members = { anon: [], authenticated: write, service_role: write };
expected.change_history = { anon: [], authenticated: ['SELECT'], service_role: ['SELECT'] };

describe('row level security and grants across the public schema', () => {
  it('has row level security switched on for every table in public', async () => {
    const rows = await sql<{ table: string }>(
      `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity order by 1`,
    );
    expect(rows.map((r) => r.table)).toEqual([]);
  });

  it('gives every table in public an explicit grant to at least one API role', async () => {
    const rows = await sql<{ table: string }>(
      `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p')
         and not exists (select 1 from information_schema.role_table_grants g
                         where g.table_schema = 'public' and g.table_name = c.relname
                           and g.grantee in ('anon', 'authenticated', 'service_role'))
       order by 1`,
    );
    expect(rows.map((r) => r.table)).toEqual([]);
  });

  it.each(Object.keys(expected))('grants exactly the intended privileges on %s', async (table) => {
    const rows = await sql<{ grantee: string; privilege_type: string }>(
      `select grantee, privilege_type from information_schema.role_table_grants
       where table_schema = 'public' and table_name = $1 and grantee in ('anon', 'authenticated', 'service_role')
       order by grantee, privilege_type`,
      [table],
    );
    const actual = { anon: [] as string[], authenticated: [] as string[], service_role: [] as string[] };
    for (const row of rows) actual[row.grantee as keyof typeof actual].push(row.privilege_type);
    expect(actual).toEqual(expected[table]);
  });

  it('keeps the role helpers safe: security definer, a fixed empty search path, and no execute for PUBLIC', async () => {
    const rows = await sql<{ name: string; definer: boolean; config: string[] | null; public_can: boolean }>(
      `select p.proname as name, p.prosecdef as definer, p.proconfig as config,
              has_function_privilege('public', p.oid, 'execute') as public_can
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.proname in ('staff_role', 'is_staff', 'is_curator', 'is_admin') order by 1`,
    );
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatchObject({ definer: true, config: ['search_path=""'], public_can: false });
  });
});
