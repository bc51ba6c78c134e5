// All database traffic of the Auth server goes through this pool, connected as
// supabase_auth_admin (the owner of schema auth), exactly as GoTrue connects on hosted Supabase.
import pg from 'pg';

export type Db = pg.Pool;
export type Tx = pg.PoolClient;
export type Queryable = pg.Pool | pg.PoolClient;

export function openDb(databaseUrl: string): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // A dropped idle connection (e.g. the stack restarting Postgres) must not crash the server.
  pool.on('error', (err) => console.error('[auth] idle database connection failed:', err.message));
  return pool;
}

export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
