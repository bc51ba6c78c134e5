import { describe, expect, it } from 'vitest';
import { scriptConfig } from '../../scripts/lib/config.ts';
import { apiKeys } from '../../scripts/stack/secrets.ts';
import { publicConfig } from './config.ts';
import { ConfigError } from './errors.ts';

const hosted = {
  PUBLIC_SUPABASE_URL: 'https://abcd.supabase.co',
  PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'sb_publishable_hostedProject_abcdefgh',
  PUBLIC_MEILI_HOST: 'https://ms-1.meilisearch.io',
  PUBLIC_MEILI_SEARCH_KEY: 'a-hosted-search-only-key-0123456789',
  PUBLIC_SITE_URL: 'https://signpost.example.org',
};
const hostedScripts = {
  ...hosted,
  SUPABASE_SECRET_KEY: 'sb_secret_hostedProject_abcdefgh',
  MEILI_ADMIN_KEY: 'a-hosted-admin-key-0123456789',
  DATABASE_URL: 'postgres://postgres.abcd:pw@aws-0-eu-west-2.pooler.supabase.com:5432/postgres',
};
const browserVariables = ['PUBLIC_SUPABASE_URL', 'PUBLIC_SUPABASE_PUBLISHABLE_KEY', 'PUBLIC_MEILI_HOST', 'PUBLIC_MEILI_SEARCH_KEY'];

function problemsOf(attempt: () => unknown): string {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('a production build with local defaults', () => {
  it('is refused under NODE_ENV=production, naming every local default', () => {
    const message = problemsOf(() => publicConfig({ NODE_ENV: 'production' }));
    expect(message).toContain('This is a production build (NODE_ENV=production)');
    for (const name of [...browserVariables, 'PUBLIC_SITE_URL']) expect(message).toContain(`- ${name} (not set)`);
  });

  it('is refused under SIGNPOST_ENV=production', () => {
    expect(problemsOf(() => publicConfig({ SIGNPOST_ENV: 'production' }))).toContain('(SIGNPOST_ENV=production)');
  });

  it('is refused when the site’s public address is not local, whatever the environment says', () => {
    const message = problemsOf(() => publicConfig({ PUBLIC_SITE_URL: 'https://signpost.example.org' }));
    expect(message).toContain('(PUBLIC_SITE_URL is https://signpost.example.org)');
    for (const name of browserVariables) expect(message).toContain(`- ${name} (not set)`);
    expect(message).not.toContain('- PUBLIC_SITE_URL');
  });

  it('names only the variables still local when some are set', () => {
    const message = problemsOf(() => publicConfig({ ...hosted, PUBLIC_MEILI_HOST: 'http://127.0.0.1:7700', NODE_ENV: 'production' }));
    expect(message).toContain('- PUBLIC_MEILI_HOST\n');
    expect(message).not.toContain('PUBLIC_SUPABASE_URL');
  });

  it('counts the local stack’s legacy demo anon key as a local default', () => {
    const message = problemsOf(() =>
      publicConfig({ ...hosted, PUBLIC_SUPABASE_PUBLISHABLE_KEY: undefined, PUBLIC_SUPABASE_ANON_KEY: apiKeys().anonKey }),
    );
    expect(message).toContain('- PUBLIC_SUPABASE_PUBLISHABLE_KEY');
  });

  it('passes with every variable pointing at hosted services', () => {
    expect(publicConfig({ ...hosted, NODE_ENV: 'production' }).PUBLIC_SUPABASE_URL).toBe(hosted.PUBLIC_SUPABASE_URL);
  });

  it('lets a local build through: SIGNPOST_ENV=development wins over the NODE_ENV Astro sets', () => {
    expect(publicConfig({ NODE_ENV: 'production', SIGNPOST_ENV: 'development' }).PUBLIC_SUPABASE_URL).toBe('http://127.0.0.1:54321');
  });

  it('lets development and tests use the defaults', () => {
    expect(() => publicConfig({})).not.toThrow();
    expect(() => publicConfig({ NODE_ENV: 'test' })).not.toThrow();
  });
});

describe('production scripts with local defaults', () => {
  it('are refused, naming the secret key, the Meilisearch admin key and the database too', () => {
    const message = problemsOf(() => scriptConfig({ NODE_ENV: 'production' }));
    for (const name of [...browserVariables, 'PUBLIC_SITE_URL', 'SUPABASE_SECRET_KEY', 'MEILI_ADMIN_KEY', 'DATABASE_URL']) {
      expect(message).toContain(`- ${name} (not set)`);
    }
  });

  it('count the local demo service_role key as a local default', () => {
    const message = problemsOf(() =>
      scriptConfig({ ...hostedScripts, SUPABASE_SECRET_KEY: undefined, SUPABASE_SERVICE_ROLE_KEY: apiKeys().serviceRoleKey }),
    );
    expect(message).toContain('- SUPABASE_SECRET_KEY');
  });

  it('pass with hosted values', () => {
    expect(scriptConfig({ ...hostedScripts, SIGNPOST_ENV: 'production' }).DATABASE_URL).toBe(hostedScripts.DATABASE_URL);
  });
});
