import { describe, expect, it } from 'vitest';
import { apiKeys, localPublishableKey, localSecretKey, meiliKeyFor, meiliSearchKeyUid } from '../../scripts/stack/secrets.ts';
import { localDefaults, publicConfig } from './config.ts';
import { ConfigError } from './errors.ts';

const hostedPublishable = 'sb_publishable_abcdEFGH1234_abcdEFGH';
const hostedSecret = 'sb_secret_abcdEFGH1234_abcdEFGH';

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
      publicConfig({ PUBLIC_SUPABASE_URL: 'not a url', PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'abc', PUBLIC_MEILI_SEARCH_KEY: 'short' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PUBLIC_SUPABASE_URL: must be the URL of your Supabase project/);
    expect(attempt).toThrow(/PUBLIC_SUPABASE_PUBLISHABLE_KEY: must be the project's publishable key \(sb_publishable_…\)/);
    expect(attempt).toThrow(/PUBLIC_MEILI_SEARCH_KEY: must be a Meilisearch search-only API key/);
  });

  it('treats an empty variable as not set', () => {
    expect(publicConfig({ PUBLIC_SUPABASE_URL: '' }).PUBLIC_SUPABASE_URL).toBe(localDefaults.PUBLIC_SUPABASE_URL);
  });

  it('ships the same public keys the local stack uses', () => {
    expect(localDefaults.PUBLIC_SUPABASE_PUBLISHABLE_KEY).toBe(localPublishableKey);
    expect(localDefaults.PUBLIC_MEILI_SEARCH_KEY).toBe(meiliKeyFor(meiliSearchKeyUid));
  });
});

describe('the browser’s Supabase key', () => {
  it('takes a publishable key', () => {
    expect(publicConfig({ PUBLIC_SUPABASE_PUBLISHABLE_KEY: hostedPublishable }).PUBLIC_SUPABASE_PUBLISHABLE_KEY).toBe(hostedPublishable);
  });

  it('falls back to the legacy anon key variable', () => {
    const legacy = apiKeys('another-secret-with-at-least-32-characters').anonKey;
    expect(publicConfig({ PUBLIC_SUPABASE_ANON_KEY: legacy }).PUBLIC_SUPABASE_PUBLISHABLE_KEY).toBe(legacy);
  });

  it('prefers the publishable key variable when both are set', () => {
    const config = publicConfig({ PUBLIC_SUPABASE_PUBLISHABLE_KEY: hostedPublishable, PUBLIC_SUPABASE_ANON_KEY: apiKeys().anonKey });
    expect(config.PUBLIC_SUPABASE_PUBLISHABLE_KEY).toBe(hostedPublishable);
    expect(config).not.toHaveProperty('PUBLIC_SUPABASE_ANON_KEY');
  });

  it('refuses a secret key, naming the variable and where the secret key belongs', () => {
    const attempt = () => publicConfig({ PUBLIC_SUPABASE_PUBLISHABLE_KEY: hostedSecret });
    expect(attempt).toThrow(
      /PUBLIC_SUPABASE_PUBLISHABLE_KEY: this is a secret key \(sb_secret_…\).*must never reach a browser.*publishable key \(sb_publishable_…\).*SUPABASE_SECRET_KEY/,
    );
  });

  it('refuses a legacy service_role key in the legacy anon variable too', () => {
    expect(() => publicConfig({ PUBLIC_SUPABASE_ANON_KEY: apiKeys().serviceRoleKey })).toThrow(
      /PUBLIC_SUPABASE_ANON_KEY: this is a secret key \(service_role JWT\)/,
    );
  });

  it('never takes the local secret key either', () => {
    expect(() => publicConfig({ PUBLIC_SUPABASE_PUBLISHABLE_KEY: localSecretKey })).toThrow(ConfigError);
  });
});
