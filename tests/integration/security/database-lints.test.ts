import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testStack } from '../../support/stack.ts';
import { sql } from '../catalogue/support.ts';

/**
 * Lints over the migrated test database, in the spirit of Supabase's Security Advisor and
 * Performance Advisor: each finding names the object and the fix, and any finding fails CI.
 * The schema PostgREST exposes is `public`; objects owned by an extension are left out.
 */

const notFromExtension = (classId: string, oid: string) =>
  `not exists (select 1 from pg_depend d where d.classid = '${classId}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;

/** Columns too coarse for an index to help (a flag that splits rows in two): named with why. */
const coarseColumns: Record<string, string> = {
  'referral_events.person_visible': 'a flag; the policy reaches events through the indexed referral_id first',
  'teams.is_public': 'a flag on a few dozen rows, nearly all true',
  'organizations.visibility': 'three values, nearly every row "when published"; the policy goes on to the indexed services',
  'locations.visibility': 'three values, nearly every row "when published"; the policy goes on to the indexed services',
};

/**
 * Security definer functions anyone may run without signing in, and why. Every other one must
 * refuse a caller without a session, or answer that they may do nothing.
 */
const anonymousByDesign: Record<string, string> = {
  area_first_contact_times: 'the public "usually contacts you within" figure on area pages, from counts only',
  count_listing_interest: 'counts a look at or a shortlisting of a public listing, with nothing about the person',
  submit_listing_report: 'anyone may report a problem with a listing or suggest a group, as the public site asks',
  is_admin: 'row level security policies ask it for every caller; without a session it answers no',
  is_curator: 'row level security policies ask it for every caller; without a session it answers no',
  is_staff: 'row level security policies ask it for every caller; without a session it answers no',
  staff_role: 'row level security policies ask it for every caller; without a session it answers nothing',
};

/** Error codes that mean "sign in first" or "not for you": a function that raises one failed closed. */
const refusals = new Set(['SP401', 'SP403', '42501']);

describe('database lints (Security Advisor)', () => {
  it('has row level security on every table in the exposed schema', async () => {
    const findings = await sql<{ finding: string }>(
      `select format('%s: row level security is off. Fix: alter table public.%I enable row level security, then add its policies.', c.relname, c.relname) as finding
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity and ${notFromExtension('pg_class', 'c.oid')}
       order by 1`,
    );
    expect(findings.map((f) => f.finding)).toEqual([]);
  });

  it('has no policy on a table whose row level security is off, and no table with row level security but no policy', async () => {
    const findings = await sql<{ finding: string }>(
      `select format('%s: has policies but row level security is off. Fix: alter table public.%I enable row level security.', c.relname, c.relname) as finding
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity
         and exists (select 1 from pg_policy p where p.polrelid = c.oid)
       union all
       select format('%s: row level security is on but there is no policy, so what it allows is left unsaid. Fix: add a policy saying who may use it (for a table only scripts use: "for all to service_role using (true)").', c.relname)
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relrowsecurity
         and not exists (select 1 from pg_policy p where p.polrelid = c.oid)
       order by 1`,
    );
    expect(findings.map((f) => f.finding)).toEqual([]);
  });

  it('gives every function in the exposed schema a fixed search path', async () => {
    const findings = await sql<{ finding: string }>(
      `select format('%s(%s): its search path follows the caller. Fix: add "set search_path = ''''" and qualify every name with its schema.', p.proname, pg_get_function_identity_arguments(p.oid)) as finding
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and ${notFromExtension('pg_proc', 'p.oid')}
         and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')
       order by 1`,
    );
    expect(findings.map((f) => f.finding)).toEqual([]);
  });

  it('grants no security definer function to PUBLIC, and grants each one explicitly', async () => {
    const findings = await sql<{ finding: string }>(
      `select format('%s(%s): %s. Fix: revoke execute on function public.%I(%s) from public, anon; then grant execute to the roles that need it.',
                     p.proname, pg_get_function_identity_arguments(p.oid),
                     case when p.proacl is null then 'has no explicit grants, so PUBLIC may run it with its owner''s rights'
                          else 'PUBLIC may run it with its owner''s rights' end,
                     p.proname, pg_get_function_identity_arguments(p.oid)) as finding
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.prosecdef and ${notFromExtension('pg_proc', 'p.oid')}
         and (p.proacl is null or has_function_privilege('public', p.oid, 'execute'))
       order by 1`,
    );
    expect(findings.map((f) => f.finding)).toEqual([]);
  });

  it('lets callers without a session run only the security definer functions meant for everyone', async () => {
    const findings = await sql<{ name: string; args: string }>(
      `select p.proname as name, pg_get_function_identity_arguments(p.oid) as args
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.prosecdef and ${notFromExtension('pg_proc', 'p.oid')}
         and has_function_privilege('anon', p.oid, 'execute')
       order by 1`,
    );
    expect(
      findings
        .filter((f) => !(f.name in anonymousByDesign))
        .map(
          (f) =>
            `${f.name}(${f.args}): anon may run it. Fix: revoke execute on function public.${f.name}(${f.args}) from anon, or name it in anonymousByDesign with why.`,
        ),
    ).toEqual([]);
  });

  it('fails closed: every other security definer function refuses a signed-in role with no session, or answers that it may do nothing', async () => {
    const functions = await sql<{ name: string; args: string; types: string[] }>(
      `select p.proname as name, pg_get_function_identity_arguments(p.oid) as args,
              array(select format_type(t, null) from unnest(p.proargtypes) with ordinality u(t, o) order by o) as types
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.prosecdef and p.prorettype <> 'trigger'::regtype and ${notFromExtension('pg_proc', 'p.oid')}
         and has_function_privilege('authenticated', p.oid, 'execute')
       order by 1, 2`,
    );
    expect(functions.length).toBeGreaterThan(20);
    const db = new pg.Client({ connectionString: testStack.databaseUrl });
    await db.connect();
    const findings: string[] = [];
    try {
      for (const f of functions.filter((fn) => !(fn.name in anonymousByDesign))) {
        // The role PostgREST sets for a token, but with no user in the claims; every argument null.
        const call = `public.${f.name}(${f.types.map((t) => `null::${t}`).join(', ')})`;
        await db.query('begin');
        try {
          await db.query(`set local role authenticated; select set_config('request.jwt.claims', '{"role":"authenticated"}', true)`);
          const { rows } = await db.query<{ granted: number }>(
            `select count(*)::int as granted from ${call} as x(v) where v is not null and v::text not in ('false', '{}', '[]')`,
          );
          if (rows[0]!.granted > 0) findings.push(`${f.name}(${f.args}) answered a caller with no session as if they may act`);
        } catch (error) {
          const { code = '', message } = error as { code?: string; message: string };
          const raised = code === 'PGRST' ? ((JSON.parse(message) as { code?: string }).code ?? '') : code;
          if (!refusals.has(raised))
            findings.push(
              `${f.name}(${f.args}) raised ${raised || 'an error'} (${message.slice(0, 80)}) before checking the session. Fix: refuse a missing auth.uid() first.`,
            );
        } finally {
          await db.query('rollback');
        }
      }
    } finally {
      await db.end();
    }
    expect(findings).toEqual([]);
  });

  it('exposes no view that bypasses row level security, and no materialized view', async () => {
    const findings = await sql<{ finding: string }>(
      `select format('%s: %s', c.relname,
                     case c.relkind when 'v' then 'the view runs with its owner''s rights, past row level security. Fix: alter view public.' || quote_ident(c.relname) || ' set (security_invoker = true).'
                          else 'a materialized view has no row level security. Fix: move it out of public, or revoke select from anon and authenticated.' end) as finding
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and ${notFromExtension('pg_class', 'c.oid')}
         and ((c.relkind = 'v' and not coalesce('security_invoker=true' = any (c.reloptions) or 'security_invoker=on' = any (c.reloptions), false))
              or (c.relkind = 'm' and (has_table_privilege('anon', c.oid, 'select') or has_table_privilege('authenticated', c.oid, 'select'))))
       order by 1`,
    );
    expect(findings.map((f) => f.finding)).toEqual([]);
  });

  it('trusts no metadata a user can edit, in any policy or function', async () => {
    const findings = await sql<{ finding: string }>(
      `select format('policy "%s" on %s reads user-editable metadata. Fix: decide with a table the user cannot write (staff_members) or app_metadata.', p.polname, c.relname) as finding
       from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public'
         and concat(pg_get_expr(p.polqual, p.polrelid), ' ', pg_get_expr(p.polwithcheck, p.polrelid)) ~* '(raw_user_meta_data|user_metadata)'
       union all
       select format('function %s(%s) reads user-editable metadata. Fix: decide with a table the user cannot write (staff_members) or app_metadata.', p.proname, pg_get_function_identity_arguments(p.oid))
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and ${notFromExtension('pg_proc', 'p.oid')} and p.prosrc ~* '(raw_user_meta_data|user_metadata)'
       order by 1`,
    );
    expect(findings.map((f) => f.finding)).toEqual([]);
  });
});

describe('database lints (Performance Advisor)', () => {
  it('wraps auth.uid(), auth.jwt() and current_setting() in (select …) in every policy, so they run once per query', async () => {
    const policies = await sql<{ policy: string; table: string; expression: string }>(
      `select p.polname as policy, c.relname as table,
              concat(pg_get_expr(p.polqual, p.polrelid), ' ', pg_get_expr(p.polwithcheck, p.polrelid)) as expression
       from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' order by 2, 1`,
    );
    const findings = policies.flatMap(({ policy, table, expression }) => {
      const bare = [...expression.matchAll(/(SELECT\s+)?\b(auth\.(?:uid|jwt|role)\(\)|current_setting\()/gi)].find((m) => !m[1]);
      const call = bare?.[2];
      return call
        ? [
            `policy "${policy}" on ${table}: calls ${call} for every row. Fix: write (select ${call}${call.endsWith('(') ? '…)' : ''}) instead.`,
          ]
        : [];
    });
    expect(findings).toEqual([]);
  });

  it('has an index leading with the columns of every foreign key', async () => {
    const findings = await sql<{ finding: string }>(
      `select format('%s.%s: the foreign key %s has no index, so deleting or changing the row it points at scans the table. Fix: create index on public.%I (%s).',
                     c.relname, string_agg(a.attname, ', ' order by k.ord), con.conname, c.relname, string_agg(quote_ident(a.attname), ', ' order by k.ord)) as finding
       from pg_constraint con
       join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
       cross join lateral unnest(con.conkey) with ordinality k(attnum, ord)
       join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
       where con.contype = 'f' and n.nspname = 'public'
         and not exists (
           select 1 from pg_index i
           where i.indrelid = con.conrelid
             and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(con.conkey)] @> con.conkey
             and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(con.conkey)] <@ con.conkey)
       group by c.relname, con.conname
       order by 1`,
    );
    expect(findings.map((f) => f.finding)).toEqual([]);
  });

  it('has an index on every column a policy filters rows by', async () => {
    const columns = await sql<{ column: string; indexed: boolean }>(
      `select distinct c.relname || '.' || a.attname as column,
              exists (select 1 from pg_index i where i.indrelid = c.oid and a.attnum = any (i.indkey)) as indexed
       from pg_depend d
       join pg_class c on c.oid = d.refobjid join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
       -- An insert policy only checks the new row, so its columns need no index.
       join pg_policy pol on pol.oid = d.objid and pol.polcmd <> 'a'
       where d.classid = 'pg_policy'::regclass and d.refclassid = 'pg_class'::regclass and d.refobjsubid > 0
         and n.nspname = 'public' and c.relkind in ('r', 'p')
       order by 1`,
    );
    const findings = columns
      .filter((c) => !c.indexed && !(c.column in coarseColumns))
      .map((c) => `${c.column}: a policy reads it and no index has it. Fix: create index on public.${c.column.replace('.', ' (')}).`);
    expect(findings).toEqual([]);
  });

  it('has no duplicate indexes', async () => {
    const findings = await sql<{ finding: string }>(
      `select format('%s: %s index the same columns in the same way. Fix: drop all but one.', c.relname, string_agg(ic.relname, ' and ' order by ic.relname)) as finding
       from pg_index i
       join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
       join pg_class ic on ic.oid = i.indexrelid
       where n.nspname = 'public'
       group by c.relname, i.indrelid, i.indkey::text, i.indclass::text, i.indcollation::text,
                coalesce(pg_get_expr(i.indexprs, i.indrelid), ''), coalesce(pg_get_expr(i.indpred, i.indrelid), '')
       having count(*) > 1
       order by 1`,
    );
    expect(findings.map((f) => f.finding)).toEqual([]);
  });
});
