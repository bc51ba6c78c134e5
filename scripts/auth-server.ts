// Runs the local Auth server on its own, configured only by GoTrue's environment variables:
//   GOTRUE_JWT_SECRET=... DATABASE_URL=postgres://... PORT=9999 node scripts/auth-server.ts
// Development/test only; production uses hosted Supabase Auth.
import { startAuthServer } from './stack/auth/server.ts';
import { AuthConfigError, readAuthEnv } from './stack/auth/config.ts';

try {
  const env = readAuthEnv(process.env);
  const databaseUrl = env.GOTRUE_DB_DATABASE_URL ?? env.DATABASE_URL;
  if (!databaseUrl) throw new AuthConfigError('Local Auth server: set DATABASE_URL (or GOTRUE_DB_DATABASE_URL) to the Postgres URL.');
  const server = await startAuthServer({
    host: env.GOTRUE_API_HOST ?? '127.0.0.1',
    port: env.PORT ?? env.GOTRUE_API_PORT ?? 9999,
    databaseUrl,
    env: process.env,
  });
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
