import { stackEnv } from '../../scripts/stack/index.ts';
import { profiles } from '../../scripts/stack/profiles.ts';

/** Addresses and keys of the test instance of the local stack (its own ports and state folder). */
const env = stackEnv(profiles.test);

export const testStack = {
  supabaseUrl: env.PUBLIC_SUPABASE_URL!,
  /** Legacy JWT-shaped anon key (still accepted). */
  anonKey: env.PUBLIC_SUPABASE_ANON_KEY!,
  /** Legacy JWT-shaped service_role key (still accepted). */
  serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY!,
  publishableKey: env.PUBLIC_SUPABASE_PUBLISHABLE_KEY!,
  secretKey: env.SUPABASE_SECRET_KEY!,
  stateDir: profiles.test.stateDir,
  databaseUrl: env.DATABASE_URL!,
  meiliHost: env.PUBLIC_MEILI_HOST!,
  meiliAdminKey: env.MEILI_ADMIN_KEY!,
  meiliSearchKey: env.PUBLIC_MEILI_SEARCH_KEY!,
  siteUrl: `http://127.0.0.1:${profiles.test.ports.site}`,
  env,
} as const;
