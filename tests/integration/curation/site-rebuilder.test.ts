import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSiteRebuilder } from '../../../scripts/lib/site-rebuilder.ts';
import { testStack } from '../../support/stack.ts';
import { fixtureService, removeService } from './support.ts';

/**
 * The rebuilder `npm start` runs: a change to a listing in the real database starts a build (here
 * one that writes a marker, standing for `astro build`), which is swapped in for the served folder.
 */
const dir = mkdtempSync(join(tmpdir(), 'signpost-rebuilder-'));
const made: string[] = [];

afterAll(async () => {
  for (const id of made) await removeService(id);
  rmSync(dir, { recursive: true, force: true });
});

describe('the site rebuilder', () => {
  it('rebuilds and swaps in the site after a listing changes', async () => {
    const served = join(dir, 'dist');
    mkdirSync(served);
    writeFileSync(join(served, 'index.html'), 'before');
    const controller = new AbortController();
    let builds = 0;
    const running = runSiteRebuilder(testStack.databaseUrl, {
      signal: controller.signal,
      outDir: served,
      quietMs: 300,
      maxWaitMs: 2000,
      log: () => {},
      build: (outDir) => {
        builds++;
        mkdirSync(outDir, { recursive: true });
        writeFileSync(join(outDir, 'index.html'), `build ${builds}`);
        return Promise.resolve();
      },
    });
    try {
      await new Promise((r) => setTimeout(r, 500)); // listening
      made.push(await fixtureService(), await fixtureService());
      // Other test files change listings at the same time, so there may be more than one build.
      await expect.poll(() => readFileSync(join(served, 'index.html'), 'utf8'), { timeout: 10_000 }).toMatch(/^build \d+$/);
    } finally {
      controller.abort();
      await running;
    }
  });
});
