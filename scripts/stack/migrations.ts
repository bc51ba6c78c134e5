import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';

const supabaseDir = resolve(import.meta.dirname, '..', '..', 'supabase');

async function sqlFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  return names.map((n) => join(dir, n));
}

/** What hosted Supabase already provides: applied on every start, each file idempotent. */
export async function applyPlatform(client: pg.Client): Promise<void> {
  for (const file of await sqlFiles(join(supabaseDir, 'platform'))) {
    try {
      await client.query(await readFile(file, 'utf8'));
    } catch (error) {
      throw new Error(`Platform bootstrap ${file} failed: ${(error as Error).message}`, { cause: error });
    }
  }
}

/**
 * Applies supabase/migrations in order, each in its own transaction, recording versions in the
 * same table the Supabase CLI uses so `supabase db push` sees the same history.
 */
export async function applyMigrations(client: pg.Client): Promise<string[]> {
  await client.query(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text primary key, statements text[], name text
    );`);
  const done = new Set(
    (await client.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).rows.map((r) => r.version),
  );
  const applied: string[] = [];
  for (const file of await sqlFiles(join(supabaseDir, 'migrations'))) {
    const base = file
      .split('/')
      .pop()!
      .replace(/\.sql$/, '');
    const [version, ...rest] = base.split('_');
    if (!version || done.has(version)) continue;
    const sql = await readFile(file, 'utf8');
    try {
      await client.query('begin');
      await client.query(sql);
      await client.query('insert into supabase_migrations.schema_migrations (version, statements, name) values ($1, $2, $3)', [
        version,
        [sql],
        rest.join('_'),
      ]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw new Error(`Migration ${base} failed: ${(error as Error).message}`, { cause: error });
    }
    applied.push(base);
  }
  // PostgREST caches the schema; tell it to look again.
  await client.query(`notify pgrst, 'reload schema'`);
  return applied;
}

export async function migrate(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await applyPlatform(client);
    return await applyMigrations(client);
  } finally {
    await client.end();
  }
}
