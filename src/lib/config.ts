import { z } from 'zod';
import { ConfigError, describeIssues } from './errors.ts';

/**
 * Settings the site and the browser may see. Defaults point at the local stack from `npm run stack`;
 * the two keys are the local stack's public development keys (anon JWT and search-only key).
 */
export const localDefaults = {
  PUBLIC_SUPABASE_URL: 'http://127.0.0.1:54321',
  PUBLIC_SUPABASE_ANON_KEY:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0',
  PUBLIC_MEILI_HOST: 'http://127.0.0.1:7700',
  PUBLIC_MEILI_SEARCH_KEY: '36017d315033411d5a7ac29d6f692b33335adda4a042ca42f3c16829fe1c6283',
  PUBLIC_SITE_URL: 'http://localhost:4321',
  PUBLIC_POSTCODES_URL: 'https://api.postcodes.io',
} as const;

const jwt = z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'must be a JWT (three base64url parts separated by dots)');

export const publicConfigSchema = z.object({
  PUBLIC_SUPABASE_URL: z
    .url({ message: 'must be the URL of your Supabase project, e.g. https://abcd.supabase.co' })
    .default(localDefaults.PUBLIC_SUPABASE_URL),
  PUBLIC_SUPABASE_ANON_KEY: jwt.default(localDefaults.PUBLIC_SUPABASE_ANON_KEY),
  PUBLIC_MEILI_HOST: z.url({ message: 'must be the URL of your Meilisearch server' }).default(localDefaults.PUBLIC_MEILI_HOST),
  PUBLIC_MEILI_SEARCH_KEY: z.string().min(16, 'must be a Meilisearch search-only API key').default(localDefaults.PUBLIC_MEILI_SEARCH_KEY),
  PUBLIC_SITE_URL: z.url({ message: 'must be the public address of the site' }).default(localDefaults.PUBLIC_SITE_URL),
  // postcodes.io or a self-hosted copy; `offline` uses only the bundled district table (src/lib/geocoding).
  PUBLIC_POSTCODES_URL: z
    .union([z.literal('offline'), z.url()], { message: 'must be the URL of a postcodes.io server, or offline' })
    .default(localDefaults.PUBLIC_POSTCODES_URL),
});

export type PublicConfig = z.infer<typeof publicConfigSchema>;

/** Parses configuration, turning every problem into one readable error that names the variables. */
export function parseConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  // An empty variable means "not set", as in a .env file with `NAME=`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(`Signpost's configuration has problems:\n${describeIssues(result.error)}\nSee "Configuration" in README.md.`);
  }
  return result.data;
}

export function publicConfig(env: Record<string, string | undefined> = process.env): PublicConfig {
  return parseConfig(publicConfigSchema, env);
}
