import { z } from 'zod';
import { parseConfig, publicConfigSchema } from '../../src/lib/config.ts';
import { localMeiliMasterKey, apiKeys } from '../stack/secrets.ts';

/**
 * Settings for scripts only (seed, index, import): they include secrets that must never reach
 * the browser, so nothing under src/ imports this module.
 */
export const scriptConfigSchema = publicConfigSchema.extend({
  SUPABASE_SERVICE_ROLE_KEY: z
    .string()
    .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'must be the service_role JWT of your Supabase project')
    .default(apiKeys().serviceRoleKey),
  MEILI_ADMIN_KEY: z.string().min(16, 'must be a Meilisearch key allowed to manage indexes').default(localMeiliMasterKey),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
    .default('postgres://postgres:postgres@127.0.0.1:54322/postgres'),
});

export type ScriptConfig = z.infer<typeof scriptConfigSchema>;

export function scriptConfig(env: Record<string, string | undefined> = process.env): ScriptConfig {
  return parseConfig(scriptConfigSchema, env);
}
