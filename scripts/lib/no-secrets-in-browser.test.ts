import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiKeys, localPublishableKey, localSecretKey } from '../stack/secrets.ts';
import { knownSecrets, scanBuild, secretsIn } from './no-secrets-in-browser.ts';

const known = knownSecrets({
  SUPABASE_SECRET_KEY: 'sb_secret_hostedProjectKey_abcdef',
  MEILI_ADMIN_KEY: 'a-meili-admin-key-of-the-project',
});

describe('finding secrets in what the site ships', () => {
  it('finds a secret API key, even one it was never told about', () => {
    expect(secretsIn('const key = "sb_secret_someOtherProject_123456";', known)).toEqual(['a secret API key (sb_secret_…)']);
  });

  it('finds a legacy service_role JWT but not the public anon one', () => {
    expect(secretsIn(`props="${apiKeys().serviceRoleKey}"`, known)).toEqual(['a service_role JWT']);
    expect(secretsIn(`props="${apiKeys().anonKey}"`, known)).toEqual([]);
  });

  it('finds the configured secret values by name', () => {
    expect(secretsIn('x="a-meili-admin-key-of-the-project"', known)).toEqual(['the value of MEILI_ADMIN_KEY']);
    expect(secretsIn(localSecretKey, known)).toContain('the local secret key');
  });

  it('lets the publishable key through', () => {
    expect(secretsIn(`createClient(url, "${localPublishableKey}")`, known)).toEqual([]);
  });

  it('names each file of a build that holds a secret', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dist-'));
    mkdirSync(join(dir, '_astro'));
    writeFileSync(join(dir, 'index.html'), `<astro-island props='{"key":"${localPublishableKey}"}'></astro-island>`);
    writeFileSync(join(dir, '_astro', 'island.js'), 'const k="sb_secret_hostedProjectKey_abcdef";');
    expect(scanBuild(dir, known)).toEqual([
      `${join('_astro', 'island.js')}: the value of SUPABASE_SECRET_KEY, a secret API key (sb_secret_…)`,
    ]);
  });
});
