import { z } from 'zod';
import { parseConfig, publicConfigShape, publicLocalChecks, resolvePublishableKey } from '../../src/lib/config.ts';
import { localChecks, refuseLocalDefaults } from '../../src/lib/local-defaults-guard.ts';
import { supabaseKeyKind } from '../../src/lib/supabase-keys.ts';
import { databaseUrl } from '../stack/postgres.ts';
import { host, profiles } from '../stack/profiles.ts';
import { localMeiliMasterKey, localSecretKey } from '../stack/secrets.ts';

/** The scripts' Supabase key: secret (or a legacy service_role JWT), never a publishable one. */
function secretKey() {
  return z.string().superRefine((value, ctx) => {
    const kind = supabaseKeyKind(value);
    if (kind === 'publishable' || kind === 'legacy-anon') {
      ctx.addIssue({
        code: 'custom',
        message:
          "this is a publishable key, which row level security limits to what the public may do. Scripts need the project's secret key (sb_secret_…) in SUPABASE_SECRET_KEY.",
      });
    } else if (kind === 'unknown') {
      ctx.addIssue({ code: 'custom', message: "must be the project's secret key (sb_secret_…), or its legacy service_role JWT" });
    }
  });
}

/**
 * Settings for scripts only (seed, index, import): they include secrets that must never reach
 * the browser, so nothing under src/ imports this module.
 */
export const scriptConfigSchema = publicConfigShape
  .extend({
    SUPABASE_SECRET_KEY: secretKey().optional(),
    /** Legacy name, read only when SUPABASE_SECRET_KEY is not set. */
    SUPABASE_SERVICE_ROLE_KEY: secretKey().optional(),
    MEILI_ADMIN_KEY: z.string().min(16, 'must be a Meilisearch key allowed to manage indexes').default(localMeiliMasterKey),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
      .default('postgres://postgres:postgres@127.0.0.1:54322/postgres'),
  })
  .transform(({ SUPABASE_SERVICE_ROLE_KEY, ...rest }) => ({
    ...resolvePublishableKey(rest),
    SUPABASE_SECRET_KEY: rest.SUPABASE_SECRET_KEY ?? SUPABASE_SERVICE_ROLE_KEY ?? localSecretKey,
  }));

export type ScriptConfig = z.infer<typeof scriptConfigSchema>;

/**
 * Where the local stack listens, as defaults: they follow SIGNPOST_PORT_OFFSET, so the data scripts
 * of a second checkout reach its own stack rather than the one on the standard ports.
 */
function localAddresses(): Record<string, string> {
  const { ports } = profiles.local;
  return {
    PUBLIC_SUPABASE_URL: `http://${host}:${ports.gateway}`,
    PUBLIC_MEILI_HOST: `http://${host}:${ports.meilisearch}`,
    PUBLIC_SITE_URL: `http://localhost:${ports.site}`,
    DATABASE_URL: databaseUrl(profiles.local),
  };
}

/** Scripts for a production project (NODE_ENV or SIGNPOST_ENV production) refuse local defaults too. */
export function scriptConfig(env: Record<string, string | undefined> = process.env): ScriptConfig {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = parseConfig(scriptConfigSchema, { ...localAddresses(), ...set });
  refuseLocalDefaults(env, config, {
    ...publicLocalChecks,
    SUPABASE_SECRET_KEY: localChecks.oneOf(localSecretKey),
    MEILI_ADMIN_KEY: localChecks.oneOf(localMeiliMasterKey),
    DATABASE_URL: localChecks.postgres,
  });
  return config;
}
