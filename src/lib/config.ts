import { z } from 'zod';
import { ConfigError, describeIssues } from './errors.ts';
import { localChecks, refuseLocalDefaults } from './local-defaults-guard.ts';
import { isSecretKind, supabaseKeyKind } from './supabase-keys.ts';

/**
 * Settings the site and the browser may see. Defaults point at the local stack from `npm run stack`;
 * the two keys are the local stack's public development keys (the Supabase CLI's local publishable
 * key and the search-only key).
 */
export const localDefaults = {
  PUBLIC_SUPABASE_URL: 'http://127.0.0.1:54321',
  PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH',
  PUBLIC_MEILI_HOST: 'http://127.0.0.1:7700',
  PUBLIC_MEILI_SEARCH_KEY: '36017d315033411d5a7ac29d6f692b33335adda4a042ca42f3c16829fe1c6283',
  PUBLIC_SITE_URL: 'http://localhost:4321',
  PUBLIC_DIRECTORY_EMAIL: 'directory-team@example.org',
  PUBLIC_POSTCODES_URL: 'https://api.postcodes.io',
  PUBLIC_MAP_TILES_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  PUBLIC_MAP_TILES_ATTRIBUTION: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
} as const;

/** The browser's Supabase key: publishable (or a legacy anon JWT), never a secret one. */
export function publishableKey(variable: string) {
  return z.string().superRefine((value, ctx) => {
    const kind = supabaseKeyKind(value);
    if (isSecretKind(kind)) {
      ctx.addIssue({
        code: 'custom',
        message:
          `this is a secret key (${kind === 'secret' ? 'sb_secret_…' : 'service_role JWT'}), which bypasses row level security and must never reach a browser. ` +
          `Put the project's publishable key (sb_publishable_…) in ${variable}, and the secret key in SUPABASE_SECRET_KEY.`,
      });
    } else if (kind === 'unknown') {
      ctx.addIssue({
        code: 'custom',
        message: "must be the project's publishable key (sb_publishable_…), or its legacy anon JWT",
      });
    }
  });
}

/** The variables as people set them; `publicConfigSchema` resolves the legacy fallback. */
export const publicConfigShape = z.object({
  PUBLIC_SUPABASE_URL: z
    .url({ message: 'must be the URL of your Supabase project, e.g. https://abcd.supabase.co' })
    .default(localDefaults.PUBLIC_SUPABASE_URL),
  PUBLIC_SUPABASE_PUBLISHABLE_KEY: publishableKey('PUBLIC_SUPABASE_PUBLISHABLE_KEY').optional(),
  /** Legacy name, read only when PUBLIC_SUPABASE_PUBLISHABLE_KEY is not set. */
  PUBLIC_SUPABASE_ANON_KEY: publishableKey('PUBLIC_SUPABASE_PUBLISHABLE_KEY').optional(),
  PUBLIC_MEILI_HOST: z.url({ message: 'must be the URL of your Meilisearch server' }).default(localDefaults.PUBLIC_MEILI_HOST),
  PUBLIC_MEILI_SEARCH_KEY: z.string().min(16, 'must be a Meilisearch search-only API key').default(localDefaults.PUBLIC_MEILI_SEARCH_KEY),
  PUBLIC_SITE_URL: z.url({ message: 'must be the public address of the site' }).default(localDefaults.PUBLIC_SITE_URL),
  /** Where "Report a problem with this listing" goes until curation brings its own form. */
  PUBLIC_DIRECTORY_EMAIL: z
    .email({ message: 'must be the email address of the team that keeps the directory up to date' })
    .default(localDefaults.PUBLIC_DIRECTORY_EMAIL),
  // postcodes.io or a self-hosted copy; `offline` uses only the bundled district table (src/lib/geocoding).
  PUBLIC_POSTCODES_URL: z
    .union([z.literal('offline'), z.url()], { message: 'must be the URL of a postcodes.io server, or offline' })
    .default(localDefaults.PUBLIC_POSTCODES_URL),
  // Map background tiles (README: "Maps"); `none` draws the areas on a plain background.
  PUBLIC_MAP_TILES_URL: z
    .union([z.literal('none'), z.string().regex(/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/, 'must be a tile URL with {z}, {x} and {y}, or none')])
    .default(localDefaults.PUBLIC_MAP_TILES_URL),
  PUBLIC_MAP_TILES_ATTRIBUTION: z.string().min(1).default(localDefaults.PUBLIC_MAP_TILES_ATTRIBUTION),
});

/** Drops the legacy name once its value has been taken as the fallback. */
export function resolvePublishableKey<T extends { PUBLIC_SUPABASE_PUBLISHABLE_KEY?: string; PUBLIC_SUPABASE_ANON_KEY?: string }>({
  PUBLIC_SUPABASE_ANON_KEY,
  PUBLIC_SUPABASE_PUBLISHABLE_KEY,
  ...rest
}: T): Omit<T, 'PUBLIC_SUPABASE_ANON_KEY' | 'PUBLIC_SUPABASE_PUBLISHABLE_KEY'> & { PUBLIC_SUPABASE_PUBLISHABLE_KEY: string } {
  return {
    ...rest,
    PUBLIC_SUPABASE_PUBLISHABLE_KEY:
      PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? PUBLIC_SUPABASE_ANON_KEY ?? localDefaults.PUBLIC_SUPABASE_PUBLISHABLE_KEY,
  };
}

export const publicConfigSchema = publicConfigShape.transform(resolvePublishableKey);

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

/** How to tell each browser variable still holds the local stack's value. */
export const publicLocalChecks = {
  PUBLIC_SUPABASE_URL: localChecks.url,
  PUBLIC_SUPABASE_PUBLISHABLE_KEY: localChecks.oneOf(localDefaults.PUBLIC_SUPABASE_PUBLISHABLE_KEY),
  PUBLIC_MEILI_HOST: localChecks.url,
  PUBLIC_MEILI_SEARCH_KEY: localChecks.oneOf(localDefaults.PUBLIC_MEILI_SEARCH_KEY),
  PUBLIC_SITE_URL: localChecks.url,
};

/** The browser settings; in production, refused while any still holds a local default. */
export function publicConfig(env: Record<string, string | undefined> = process.env): PublicConfig {
  const config = parseConfig(publicConfigSchema, env);
  refuseLocalDefaults(env, config, publicLocalChecks);
  return config;
}
