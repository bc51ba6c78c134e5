import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../../scripts/stack/migrations.ts';
import { seedCatalogue } from '../../../scripts/seed-catalogue.ts';
import type { StaffRole } from '../../../src/lib/schemas/staff-member.ts';
import { staffToken, userToken } from '../../support/jwt.ts';
import { testStack } from '../../support/stack.ts';

/** Runs SQL as postgres on the test stack's database (what a migration or script would do). */
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
  databaseUrl = testStack.databaseUrl,
): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** The sample data is loaded by the catalogue seed; running it again changes nothing. */
export const ensureSampleData = () => seedCatalogue(testStack.databaseUrl);

export type Person = { kind: 'anon' | 'resident' | StaffRole; id?: string; email?: string; token?: string };

/**
 * A person as the API sees them: anon has only the anon key; everyone else is a row in
 * auth.users with an access token signed like Supabase Auth's, and staff have a staff_members row.
 * Staff sign in with a second factor (aal2) unless `options.aal` says they stopped at the password.
 */
export async function person(kind: Person['kind'], options: { aal: 'aal1' | 'aal2' } = { aal: 'aal2' }): Promise<Person> {
  if (kind === 'anon') return { kind };
  const id = randomUUID();
  const email = `${kind}-${id.slice(0, 8)}@catalogue-test.example.org`;
  await sql(
    `insert into auth.users (id, aud, role, email, created_at, updated_at) values ($1, 'authenticated', 'authenticated', $2, now(), now())`,
    [id, email],
  );
  if (kind !== 'resident') {
    await sql(`insert into public.staff_members (user_id, role, display_name) values ($1, $2, $3)`, [id, kind, `Test ${kind}`]);
  }
  const token = kind !== 'resident' && options.aal === 'aal2' ? staffToken(id, { email }) : userToken(id, { email });
  return { kind, id, email, token };
}

export type RestResult = { status: number; body: unknown; code: string | undefined };

/** One PostgREST call through the gateway, as the given person. */
export async function rest(who: Person, method: string, path: string, body?: unknown): Promise<RestResult> {
  const headers: Record<string, string> = {
    apikey: testStack.anonKey,
    'content-type': 'application/json',
    prefer: 'return=representation',
  };
  if (who.token) headers.authorization = `Bearer ${who.token}`;
  const response = await fetch(`${testStack.supabaseUrl}/rest/v1/${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  const code = parsed && typeof parsed === 'object' && 'code' in parsed ? String(parsed.code) : undefined;
  return { status: response.status, body: parsed, code };
}

/** An empty database on the test stack's server with only the migrations applied. */
export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `catalogue_scratch_${randomUUID().slice(0, 8)}`;
  await sql(`create database ${name}`);
  const url = testStack.databaseUrl.replace(/\/[^/]+$/, `/${name}`);
  await migrate(url);
  return { url, drop: async () => void (await sql(`drop database if exists ${name} with (force)`)) };
}
