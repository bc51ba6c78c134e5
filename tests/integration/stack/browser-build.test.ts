import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binOf } from '../../../scripts/lib/run.ts';
import { testStack } from '../../support/stack.ts';

// The browser build against the test stack, with the secret key put where the publishable key
// belongs: it must stop, say why, and leave nothing to deploy.
describe('the browser build', () => {
  it('refuses to embed a secret key, naming the variable', () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'site-')), 'dist');
    const run = spawnSync(process.execPath, [binOf('astro', 'astro'), 'build', '--silent'], {
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SIGNPOST_ENV: 'development',
        SIGNPOST_OUT_DIR: outDir,
        PUBLIC_SUPABASE_URL: testStack.supabaseUrl,
        PUBLIC_SUPABASE_PUBLISHABLE_KEY: testStack.secretKey,
        PUBLIC_MEILI_HOST: testStack.meiliHost,
      },
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(
      'PUBLIC_SUPABASE_PUBLISHABLE_KEY: this is a secret key (sb_secret_…), which bypasses row level security and must never reach a browser.',
    );
    expect(existsSync(outDir)).toBe(false);
  }, 150_000);
});

describe('npm run build for production', () => {
  it('fails with no settings, naming every local default still in use', () => {
    const run = spawnSync(process.execPath, ['scripts/build.ts'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('This is a production build (NODE_ENV=production)');
    for (const name of [
      'PUBLIC_SUPABASE_URL',
      'PUBLIC_SUPABASE_PUBLISHABLE_KEY',
      'PUBLIC_MEILI_HOST',
      'PUBLIC_MEILI_SEARCH_KEY',
      'PUBLIC_SITE_URL',
    ]) {
      expect(run.stderr).toContain(`- ${name} (not set)`);
    }
  });
});
