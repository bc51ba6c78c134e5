import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase } from '../catalogue/support.ts';
import { expectations, operations, type Operation, type Table, tables } from './expectations.ts';
import { buildWorld, cases, removeWorld, type World } from './fixtures.ts';
import { api, db, inBatches, query, type Role, roles } from './roles.ts';

/**
 * Proves every cell of the row-level security expectations (expectations.ts) through PostgREST
 * with real tokens. All cells run once, a few at a time, before the checks: each write cell has
 * its own target row, so they cannot disturb one another.
 */
type Observation = Record<string, unknown>;
const observed = new Map<string, Observation>();
const cell = (table: Table, op: Operation, role: Role) => `${table} ${op} ${role}`;
let world: World;

function denial(role: Role, message: string): Observation {
  return { status: role === 'anon' ? 401 : 403, code: '42501', message };
}
const refused = (table: Table, role: Role) => denial(role, `permission denied for table ${table}`);
const blocked = (table: Table, role: Role) => denial(role, `new row violates row-level security policy for table "${table}"`);
const sorted = (ids: string[]) => [...ids].sort();

/** What a caller should observe, from the expectation and the fixtures. */
function expected(table: Table, op: Operation, role: Role): Observation {
  const outcome = expectations[table][op][role];
  const rows = world.rows[table];
  if (outcome === 'refused') return refused(table, role);
  if (outcome === 'blocked') return blocked(table, role);
  switch (op) {
    case 'select':
      return {
        status: 200,
        rows: sorted(
          outcome === 'all'
            ? [...rows.public, ...rows.hidden]
            : outcome === 'public'
              ? rows.public
              : outcome === 'own'
                ? (world.own[table]?.[role] ?? [])
                : outcome === 'team'
                  ? (world.team[table]?.[role] ?? [])
                  : [],
        ),
      };
    case 'insert':
      return { status: 201 };
    case 'update':
      return { status: 200, returned: outcome === 'allowed' ? 1 : 0, stored: outcome === 'allowed' };
    case 'delete':
      return { status: 200, returned: outcome === 'allowed' ? 1 : 0, remaining: outcome === 'allowed' ? 0 : 1 };
  }
}

/** Does the operation as the caller and reports what came back (and, for writes, what is stored). */
async function observe(table: Table, op: Operation, role: Role): Promise<Observation> {
  const { key } = cases[table];
  const who = world.callers[role];
  const target = op === 'update' || op === 'delete' ? world.targets[table][op][role] : '';
  const result =
    op === 'select'
      ? await api(who, 'GET', `${table}?select=${key}&${key}=in.(${[...world.rows[table].public, ...world.rows[table].hidden].join(',')})`)
      : op === 'insert'
        ? await api(who, 'POST', table, cases[table].insert(world, role))
        : op === 'update'
          ? await api(who, 'PATCH', `${table}?${key}=eq.${target}`, {
              [cases[table].patch(world, role).column]: cases[table].patch(world, role).value,
            })
          : await api(who, 'DELETE', `${table}?${key}=eq.${target}`);
  if (result.status >= 400) return { status: result.status, code: result.code, message: result.message };
  const body = result.body as Record<string, unknown>[];
  switch (op) {
    case 'select':
      return { status: result.status, rows: sorted(body.map((r) => String(r[key]))) };
    case 'insert':
      return { status: result.status };
    case 'update': {
      const { column, value } = cases[table].patch(world, role);
      const [row] = await query<{ v: string | null }>(`select ${column}::text as v from public.${table} where ${key}::text = $1`, [target]);
      return { status: result.status, returned: body.length, stored: row?.v === value };
    }
    case 'delete': {
      const [row] = await query<{ n: number }>(`select count(*)::int as n from public.${table} where ${key}::text = $1`, [target]);
      return { status: result.status, returned: body.length, remaining: row?.n };
    }
  }
}

beforeAll(async () => {
  world = await buildWorld();
  const tasks = tables.flatMap((table) =>
    operations.flatMap((op) => roles.map((role) => async () => void observed.set(cell(table, op, role), await observe(table, op, role)))),
  );
  await inBatches(tasks);
}, 120_000);

afterAll(async () => {
  if (world) await removeWorld(world);
  await db.end();
});

describe.each(tables)('row level security of %s', (table) => {
  it.each(operations.flatMap((op) => roles.map((role) => ({ op, role, outcome: expectations[table][op][role] }))))(
    '$role: $op is $outcome',
    ({ op, role }) => {
      expect(observed.get(cell(table, op, role))).toEqual(expected(table, op, role));
    },
  );
});

describe('the row level security expectations', () => {
  it('cover every table and view the API exposes, and nothing that does not exist', async () => {
    // A database with only the migrations applied: other test files add scratch tables.
    const scratch = await scratchDatabase();
    try {
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      const { rows } = await client.query<{ name: string }>(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f') order by 1`,
      );
      await client.end();
      const exposed = rows.map((r) => r.name);
      const expected = [...tables] as string[];
      const findings = [
        ...exposed
          .filter((t) => !expected.includes(t))
          .map((t) => `${t}: no expectations. Fix: give it a row in tests/integration/security/expectations.ts (CONTRIBUTING.md says how)`),
        ...expected
          .filter((t) => !exposed.includes(t))
          .map((t) => `${t}: has expectations but is not in the database. Fix: remove its row`),
      ];
      expect(findings).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });
});
