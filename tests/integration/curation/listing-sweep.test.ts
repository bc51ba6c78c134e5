import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import { hideUnverifiableListings, runListingSweep } from '../../../scripts/lib/listing-sweep.ts';
import { serviceClient } from '../auth/helpers.ts';
import { sql } from '../catalogue/support.ts';
import { testStack } from '../../support/stack.ts';
import { fixtureService, removeService } from './support.ts';

/**
 * `npm run listings:sweep` as `npm start` runs it, against the test stack through PostgREST with the
 * secret key. The shared database's sample listings must stay published for the other tests, so
 * this file sets the limit to its longest (120 months) and its own listings were last checked in 2010.
 */
const made: string[] = [];
let limitBefore: number;

beforeAll(async () => {
  const [row] = await sql<{ months: number }>('select hide_unverified_after_months as months from public.curation_settings');
  limitBefore = row!.months;
  await sql('update public.curation_settings set hide_unverified_after_months = 120');
});

afterAll(async () => {
  await sql('update public.curation_settings set hide_unverified_after_months = $1', [limitBefore]);
  for (const id of made) await removeService(id);
});

const stale = async () => {
  const id = await fixtureService({ name: 'Listing nobody has checked since 2010', assured_date: '2010-01-15' });
  made.push(id);
  return id;
};
const stateOf = async (id: string) =>
  (
    await sql<{ published: boolean; hidden_reason: string | null }>('select published, hidden_reason from public.services where id = $1', [
      id,
    ])
  )[0];

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what}: not so after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the sweep that hides listings nobody can verify', () => {
  it('hides them once when run on its own, with the reason, and leaves a listing checked recently alone', async () => {
    const old = await stale();
    const recent = await fixtureService({
      name: 'Listing checked last month',
      assured_date: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
    });
    made.push(recent);
    expect(await hideUnverifiableListings(serviceClient())).toBeGreaterThanOrEqual(1);
    expect(await stateOf(old)).toEqual({ published: false, hidden_reason: expect.stringContaining('since 15 January 2010') as string });
    expect(await stateOf(recent)).toEqual({ published: true, hidden_reason: null });
  });

  it('keeps sweeping on its schedule, so a listing that goes stale later is hidden at the next sweep', async () => {
    const stop = new AbortController();
    const log: string[] = [];
    const first = await stale();
    const running = runListingSweep(serviceClient(), { signal: stop.signal, everyMs: 300, log: (line) => log.push(line) });
    try {
      await eventually(async () => !(await stateOf(first))!.published, 'the first listing was hidden');
      const later = await stale();
      await eventually(async () => !(await stateOf(later))!.published, 'the later listing was hidden at a later sweep');
      expect(log.some((line) => /^Hid \d+ listings? nobody has verified in time/.test(line))).toBe(true);
    } finally {
      stop.abort();
      await running;
    }
  });

  it('says so when it cannot reach the database, and keeps going when on a schedule', async () => {
    const unreachable = createClient('http://127.0.0.1:9', testStack.serviceRoleKey, { auth: { persistSession: false } });
    await expect(runListingSweep(unreachable, { signal: new AbortController().signal, log: () => {} })).rejects.toThrow(
      /hiding unverifiable listings did not work/,
    );
    const stop = new AbortController();
    const log: string[] = [];
    const running = runListingSweep(unreachable, { signal: stop.signal, everyMs: 50, log: (line) => log.push(line) });
    await eventually(() => Promise.resolve(log.length >= 2), 'two failed sweeps were reported');
    stop.abort();
    await running;
    expect(log[0]).toMatch(/did not work: .*Trying again soon\.$/);
  });
});
