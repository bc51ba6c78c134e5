import { describe, expect, it } from 'vitest';
import { apiKeys, meiliKeyFor, meiliSearchKeyUid } from '../../scripts/stack/secrets.ts';
import { localDefaults, publicConfig } from './config.ts';
import { ConfigError } from './errors.ts';

describe('public configuration', () => {
  it('points at the local stack when nothing is set', () => {
    expect(publicConfig({})).toEqual(localDefaults);
  });

  it('uses a hosted project when its variables are set', () => {
    const config = publicConfig({ PUBLIC_SUPABASE_URL: 'https://abcd.supabase.co', PUBLIC_MEILI_HOST: 'https://ms-1.meilisearch.io' });
    expect(config.PUBLIC_SUPABASE_URL).toBe('https://abcd.supabase.co');
    expect(config.PUBLIC_MEILI_HOST).toBe('https://ms-1.meilisearch.io');
  });

  it('names every malformed variable in one message', () => {
    const attempt = () =>
      publicConfig({ PUBLIC_SUPABASE_URL: 'not a url', PUBLIC_SUPABASE_ANON_KEY: 'abc', PUBLIC_MEILI_SEARCH_KEY: 'short' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PUBLIC_SUPABASE_URL: must be the URL of your Supabase project/);
    expect(attempt).toThrow(/PUBLIC_SUPABASE_ANON_KEY: must be a JWT/);
    expect(attempt).toThrow(/PUBLIC_MEILI_SEARCH_KEY: must be a Meilisearch search-only API key/);
  });

  it('treats an empty variable as not set', () => {
    expect(publicConfig({ PUBLIC_SUPABASE_URL: '' }).PUBLIC_SUPABASE_URL).toBe(localDefaults.PUBLIC_SUPABASE_URL);
  });

  it('ships the same public keys the local stack derives from its secrets', () => {
    expect(localDefaults.PUBLIC_SUPABASE_ANON_KEY).toBe(apiKeys().anonKey);
    expect(localDefaults.PUBLIC_MEILI_SEARCH_KEY).toBe(meiliKeyFor(meiliSearchKeyUid));
  });
});
