import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStack } from '../../support/stack.ts';
import { adversarialStrings, nul } from './adversarial.ts';

/**
 * Hostile input to every function a signed-in person can call through the API (anything
 * `authenticated` may execute in the public schema), as the most powerful staff member (an admin
 * with two factors), a link worker of a team and an anonymous resident, and, for those anon may
 * run too, with the publishable key alone: random and adversarial
 * values for every argument, some left out, some real ids so the calls get past "not found".
 *
 * Each call runs as PostgREST would run it (role `authenticated`, the token's claims) inside a
 * transaction that is rolled back, so nothing is left behind. It must end in success or in an
 * error PostgREST answers with a 4xx; never one it turns into a 5xx (an internal error, a
 * program limit such as an index row too large, or a statement running past the 8 s timeout Supabase gives `authenticated`).
 */

/**
 * The status PostgREST gives an error (postgrest.org, "Errors": SQLSTATE to HTTP status). A
 * function that raises `PGRST` sets the status itself, in the detail's JSON.
 */
function postgrestStatus(code: string, detail?: string): number {
  if (code === 'PGRST') return Number((JSON.parse(detail ?? '{}') as { status?: number }).status ?? 500);
  if (code === '42501') return 403;
  if (code === '42883' || code === '42P01') return 404;
  if (code === 'P0001' || code.startsWith('PT')) return 400;
  if (code === '23503' || code === '23505') return 409;
  if (code === '25006') return 405;
  if (/^(08|53)/.test(code)) return 503;
  if (/^(0L|0P|28)/.test(code)) return 403;
  if (/^(09|25|2D|38|39|3B|40|54|55|57|58|F0|HV|P0|XX)/.test(code) || code === '42P17') return 500;
  return 400;
}

interface Fn {
  name: string;
  args: { name: string; type: string }[];
  defaults: number;
  /** Whether anon (the publishable key alone) may run it too. */
  anon: boolean;
}

const db = new pg.Pool({ connectionString: testStack.databaseUrl, max: 2 });
const query = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await db.query<T>(text, params)).rows;

let functions: Fn[] = [];
let realIds: string[] = [];
const callers: { who: string; role: 'anon' | 'authenticated'; claims: Record<string, unknown> }[] = [];
const made: string[] = [];

beforeAll(async () => {
  functions = await query<Fn>(
    `select p.proname as name, p.pronargdefaults as defaults, has_function_privilege('anon', p.oid, 'execute') as anon,
            coalesce(array(select json_build_object('name', p.proargnames[o], 'type', format_type(t, null))
                           from unnest(p.proargtypes) with ordinality u(t, o) order by o), '{}') as args
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.prorettype <> 'trigger'::regtype and p.prokind = 'f'
       and has_function_privilege('authenticated', p.oid, 'execute')
       and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
     order by 1`,
  );
  realIds = (
    await query<{ id: string }>(
      `(select id::text from public.referrals order by created_at limit 4)
       union all (select id::text from public.services where published order by id limit 4)
       union all (select id::text from public.teams order by id limit 2)
       union all (select id::text from public.pcns order by id limit 2)`,
    )
  ).map((r) => r.id);
  const [team] = await query<{ id: string }>(`select id from public.teams order by id limit 1`);
  const admin = randomUUID();
  const worker = randomUUID();
  const resident = randomUUID();
  made.push(admin, worker, resident);
  await query(
    `insert into auth.users (id, aud, role, email, is_anonymous, created_at, updated_at)
     values ($1, 'authenticated', 'authenticated', $4, false, now(), now()),
            ($2, 'authenticated', 'authenticated', $5, false, now(), now()),
            ($3, 'authenticated', 'authenticated', null, true, now(), now())`,
    [admin, worker, resident, `fuzz-admin-${admin}@example.org`, `fuzz-worker-${worker}@example.org`],
  );
  await query(
    `insert into public.staff_members (user_id, role, team_id, display_name)
     values ($1, 'admin', null, 'Fuzz admin'), ($2, 'link_worker', $3, 'Fuzz link worker')`,
    [admin, worker, team!.id],
  );
  const staff = (sub: string) => ({ sub, role: 'authenticated', aal: 'aal2', is_anonymous: false, email: `fuzz-${sub}@example.org` });
  callers.push(
    { who: 'an admin with two factors', role: 'authenticated', claims: staff(admin) },
    { who: 'a link worker of a team', role: 'authenticated', claims: staff(worker) },
    {
      who: 'an anonymous resident',
      role: 'authenticated',
      claims: { sub: resident, role: 'authenticated', aal: 'aal1', is_anonymous: true },
    },
    { who: 'anon (no session)', role: 'anon', claims: { role: 'anon' } },
  );
});

afterAll(async () => {
  await query(`delete from public.staff_members where user_id = any ($1::uuid[])`, [made]);
  await query(`delete from auth.users where id = any ($1::uuid[])`, [made]);
  await db.end();
});

const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(...adversarialStrings),
  fc.string({ minLength: 3_000, maxLength: 12_000 }),
);

/** A value for one argument of the given type: mostly of that type, with hostile content; sometimes not. */
function valueFor(type: string, ids: string[]): fc.Arbitrary<unknown> {
  const id = fc.oneof(fc.constantFrom(...ids), fc.uuid());
  const byType: Record<string, fc.Arbitrary<unknown>> = {
    text: fc.oneof(hostileText, fc.constantFrom(...ids)),
    uuid: id,
    integer: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648)),
    bigint: fc.oneof(fc.integer(), fc.constantFrom('9223372036854775807', '-9223372036854775808')),
    'double precision': fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('NaN', 'Infinity', '-Infinity')),
    boolean: fc.boolean(),
    date: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('0001-01-01', '9999-12-31'),
    ),
    'timestamp with time zone': fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('infinity', '-infinity', '1900-01-01T00:00:00Z'),
    ),
    'text[]': fc.array(hostileText, { maxLength: 25 }),
    'uuid[]': fc.array(id, { maxLength: 5 }),
    jsonb: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.dictionary(hostileText, fc.oneof(hostileText, fc.integer(), fc.boolean()))),
  };
  const typed = byType[type] ?? hostileText;
  // A wrong type, or a NUL, is refused by the cast before the function runs, as PostgREST refuses it.
  return fc.oneof(
    { weight: 8, arbitrary: typed },
    { weight: 1, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.constant(nul) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

/** The largest value of each type, always tried once per caller: a random run may not reach it. */
const extremes: Record<string, unknown> = {
  text: 'x'.repeat(12_000),
  integer: 2_147_483_647,
  bigint: '9223372036854775807',
  'double precision': 'Infinity',
  date: '9999-12-31',
  'timestamp with time zone': 'infinity',
  'text[]': Array.from({ length: 25 }, () => 'x'.repeat(500)),
  'uuid[]': Array.from({ length: 25 }, () => randomUUID()),
  jsonb: { big: 'x'.repeat(12_000) },
};

/** The SQL for a named-notation call, the arguments it binds, and which were left out. */
function callOf(fn: Fn, values: unknown[], leaveOut: boolean[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts = fn.args.flatMap((arg, i) => {
    // Only trailing arguments with defaults may be left out; PostgREST matches functions by the names given.
    if (leaveOut[i] && i >= fn.args.length - fn.defaults) return [];
    const value = values[i];
    params.push(value === null || typeof value !== 'object' ? value : JSON.stringify(value));
    const placeholder = `$${params.length}`;
    const cast =
      arg.type.endsWith('[]') && Array.isArray(value)
        ? `(select array_agg(x) from jsonb_array_elements_text(${placeholder}::jsonb) x)::${arg.type}`
        : `${placeholder}::${arg.type}`;
    return [`${arg.name} => ${cast}`];
  });
  return { sql: `select public.${fn.name}(${parts.join(', ')})`, params };
}

/** Runs one call as the caller, rolled back; the SQLSTATE it raised, or null. */
async function attempt(
  { role, claims }: { role: 'anon' | 'authenticated'; claims: Record<string, unknown> },
  call: { sql: string; params: unknown[] },
): Promise<{ code: string; message: string; detail?: string } | null> {
  const client = await db.connect();
  try {
    await client.query('begin');
    await client.query(`set local role ${role}; set local statement_timeout = '8s'`);
    await client.query(`select set_config('request.jwt.claims', $1, true), set_config('request.jwt.claim.sub', $2, true)`, [
      JSON.stringify(claims),
      typeof claims['sub'] === 'string' ? claims['sub'] : '',
    ]);
    await client.query(call.sql, call.params);
    return null;
  } catch (error) {
    const { code = 'XX000', message, detail } = error as { code?: string; message: string; detail?: string };
    return { code, message, ...(detail ? { detail } : {}) };
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
}

describe('every function a signed-in caller may run, given hostile arguments', () => {
  it('finds the functions to test', () => {
    expect(functions.length).toBeGreaterThan(30);
  });

  it('ends every call in success or in an error PostgREST answers with a 4xx, never a 5xx', async () => {
    const findings = new Set<string>();
    expect(functions.filter((f) => f.anon).length).toBeGreaterThan(5);
    const outcomes = new Map<string, number>();
    for (const fn of functions) {
      const mayCall = callers.filter((c) => c.role === 'authenticated' || fn.anon);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...mayCall),
          fc.tuple(...fn.args.map((a) => valueFor(a.type, realIds)), fc.constant(null)),
          fc.array(fc.boolean(), { minLength: fn.args.length, maxLength: fn.args.length }),
          async (caller, values, leaveOut) => {
            const call = callOf(fn, values, leaveOut);
            const failed = await attempt(caller, call);
            const outcome = failed ? failed.code : 'success';
            outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
            // An unknown column, table or function means the input reached the SQL itself.
            if (failed && ['42703', '42P01', '42883', '42601'].includes(failed.code))
              findings.add(
                `${fn.name}(${fn.args.map((a) => a.type).join(', ')}) as ${caller.who}: ${failed.code} ${failed.message.slice(0, 160)} with ${JSON.stringify(values).slice(0, 200)}`,
              );
            if (failed && postgrestStatus(failed.code, failed.detail) >= 500)
              findings.add(
                `${fn.name}(${fn.args.map((a) => a.type).join(', ')}) as ${caller.who}: ${failed.code} ${failed.message.slice(0, 120)} -> PostgREST ${postgrestStatus(failed.code, failed.detail)}`,
              );
          },
        ),
        {
          numRuns: 12,
          examples: mayCall.map((caller) => [
            caller,
            [...fn.args.map((a) => extremes[a.type] ?? null), null],
            fn.args.map(() => false),
          ]) as never,
        },
      );
    }
    // How the calls ended, so a run that only ever hit the first check shows itself.
    console.log(
      `outcomes by SQLSTATE: ${[...outcomes]
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${code} ${n}`)
        .join(', ')}`,
    );
    expect(outcomes.get('success') ?? 0).toBeGreaterThan(0);
    expect([...findings]).toEqual([]);
  }, 300_000);
});
