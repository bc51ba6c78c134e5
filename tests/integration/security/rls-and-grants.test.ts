import { describe, expect, it } from 'vitest';
import { sql } from '../catalogue/support.ts';
import { expectations, operations, serviceRoleOnly, type Table, tables } from './expectations.ts';
import { roles } from './roles.ts';

/**
 * The grants each table should have, read off the expectations rather than written twice: an
 * API role holds a privilege exactly when one of the callers it stands for is not refused it
 * ('refused' means no grant; 'blocked' and 'none' mean a grant that row level security narrows).
 * The service role holds what signed-in callers hold (scripts do what curators and admins do).
 */
type ApiRole = 'anon' | 'authenticated' | 'service_role';
function grantsOf(table: Table): Record<ApiRole, string[]> {
  const held = (callers: readonly string[]) =>
    operations
      .filter((op) => callers.some((role) => expectations[table][op][role as (typeof roles)[number]] !== 'refused'))
      .map((op) => op.toUpperCase())
      .sort();
  const signedIn = roles.filter((r) => r !== 'anon');
  const serviceRole = serviceRoleOnly[table]?.map((op) => op.toUpperCase()).sort() ?? held(signedIn);
  return { anon: held(['anon']), authenticated: held(signedIn), service_role: serviceRole };
}

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

  it.each(tables)('grants exactly the privileges the expectations need on %s', async (table) => {
    const rows = await sql<{ grantee: string; privilege_type: string }>(
      `select grantee, privilege_type from information_schema.role_table_grants
       where table_schema = 'public' and table_name = $1 and grantee in ('anon', 'authenticated', 'service_role')
       order by grantee, privilege_type`,
      [table],
    );
    const actual = { anon: [] as string[], authenticated: [] as string[], service_role: [] as string[] };
    for (const row of rows) actual[row.grantee as keyof typeof actual].push(row.privilege_type);
    expect(actual).toEqual(grantsOf(table));
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

  it('lets every API role, and only them, run the request guard, with a fixed empty search path', async () => {
    const [row] = await sql<{ definer: boolean; config: string[] | null; runners: string[] }>(
      `select p.prosecdef as definer, p.proconfig as config,
              array(select r from unnest(array['public', 'anon', 'authenticated', 'service_role']) r
                    where has_function_privilege(r, p.oid, 'execute')) as runners
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.proname = 'api_pre_request'`,
    );
    expect(row).toEqual({ definer: false, config: ['search_path=""'], runners: ['anon', 'authenticated', 'service_role'] });
  });
});
