import { describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/lib/errors.ts';
import { apiKeys, localPublishableKey, localSecretKey } from '../stack/secrets.ts';
import { scriptConfig } from './config.ts';

const hostedSecret = 'sb_secret_abcdEFGH1234_abcdEFGH';

describe('script configuration', () => {
  it('uses the local secret key when nothing is set', () => {
    expect(scriptConfig({}).SUPABASE_SECRET_KEY).toBe(localSecretKey);
  });

  it('takes a secret key', () => {
    expect(scriptConfig({ SUPABASE_SECRET_KEY: hostedSecret }).SUPABASE_SECRET_KEY).toBe(hostedSecret);
  });

  it('falls back to the legacy service_role key variable', () => {
    const legacy = apiKeys().serviceRoleKey;
    const config = scriptConfig({ SUPABASE_SERVICE_ROLE_KEY: legacy });
    expect(config.SUPABASE_SECRET_KEY).toBe(legacy);
    expect(config).not.toHaveProperty('SUPABASE_SERVICE_ROLE_KEY');
  });

  it('prefers the secret key variable when both are set', () => {
    expect(
      scriptConfig({ SUPABASE_SECRET_KEY: hostedSecret, SUPABASE_SERVICE_ROLE_KEY: apiKeys().serviceRoleKey }).SUPABASE_SECRET_KEY,
    ).toBe(hostedSecret);
  });

  it('says which kind of key belongs there when it is given a publishable key', () => {
    const attempt = () => scriptConfig({ SUPABASE_SECRET_KEY: localPublishableKey });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/SUPABASE_SECRET_KEY: this is a publishable key.*secret key \(sb_secret_…\)/);
  });

  it('refuses something that is no Supabase key at all', () => {
    expect(() => scriptConfig({ SUPABASE_SERVICE_ROLE_KEY: 'not-a-key' })).toThrow(
      /SUPABASE_SERVICE_ROLE_KEY: must be the project's secret key \(sb_secret_…\), or its legacy service_role JWT/,
    );
  });

  it('still reads the browser variables, new names and legacy fallback alike', () => {
    expect(scriptConfig({ PUBLIC_SUPABASE_ANON_KEY: apiKeys().anonKey }).PUBLIC_SUPABASE_PUBLISHABLE_KEY).toBe(apiKeys().anonKey);
  });

  it('points at the local stack on shifted ports when SIGNPOST_PORT_OFFSET is set, so data scripts reach their own stack', async () => {
    vi.resetModules();
    vi.stubEnv('SIGNPOST_PORT_OFFSET', '1000');
    try {
      const shifted = await import('./config.ts');
      const config = shifted.scriptConfig({});
      expect(config.PUBLIC_SUPABASE_URL).toBe('http://127.0.0.1:55321');
      expect(config.PUBLIC_MEILI_HOST).toBe('http://127.0.0.1:8700');
      expect(config.DATABASE_URL).toBe('postgres://postgres:postgres@127.0.0.1:55322/postgres');
      expect(shifted.scriptConfig({ DATABASE_URL: 'postgres://u:p@db.example.org/x' }).DATABASE_URL).toBe(
        'postgres://u:p@db.example.org/x',
      );
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
