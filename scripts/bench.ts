import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Meilisearch } from 'meilisearch';
import { indexNames, searchServices } from '../src/lib/search/client.ts';
import { supabaseClient } from '../src/lib/supabase.ts';
import { scriptConfig } from './lib/config.ts';
import { indexSearch } from './lib/index-search.ts';
import { prepareData } from './lib/prepare-data.ts';
import { runNode } from './lib/run.ts';
import { startStack } from './stack/index.ts';
import { profiles } from './stack/profiles.ts';
import { portInUse } from './stack/processes.ts';

/**
 * `npm run bench`: latency figures for the paths residents wait on, over the sample data.
 * `npm run bench -- --services 100000`: the same over a generated directory of that size, in a
 * separate bench stack (.stack-bench, wiped first), plus how long indexing takes and its memory.
 * It measures; it does not judge.
 */
const { values } = parseArgs({ options: { services: { type: 'string' }, rounds: { type: 'string', default: '200' } } });
const rounds = Number(values.rounds);
const scale = values.services ? Number(values.services) : undefined;
if (scale !== undefined && (!Number.isInteger(scale) || scale < 1)) throw new Error('--services must be a whole number above 0');

function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2);
  return `p50 ${at(50)} ms, p95 ${at(95)} ms, max ${sorted.at(-1)!.toFixed(2)} ms (n=${sorted.length})`;
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

const profile = scale ? profiles.bench : profiles.local;
if (scale && !(await portInUse(profile.ports.postgres))) rmSync(profile.stateDir, { recursive: true, force: true });
const stack = await startStack(profile, () => {});
try {
  const config = scriptConfig({ ...process.env, ...stack.env });
  if (scale) {
    console.log(`Generating ${scale} services…`);
    const generated = await runNode('scripts/generate.ts', ['--services', String(scale), '--database-url', config.DATABASE_URL]);
    if (generated !== 0) throw new Error('The generator failed; see above.');
    const started = performance.now();
    const { services } = await indexSearch(config);
    console.log(
      `indexing ${services} published services (read with the anon key, built, sent to Meilisearch): ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } else {
    await prepareData(stack, () => {});
  }

  const connection = { host: config.PUBLIC_MEILI_HOST, searchKey: config.PUBLIC_MEILI_SEARCH_KEY };
  const words = ['walking', 'benefits', 'carers', 'befriending', 'warm space', 'lonely', 'debt advice'];
  let i = 0;
  console.log(
    `search, words (Meilisearch, search-only key): ${percentiles(await time(() => searchServices(connection, { words: words[i++ % words.length]! })))}`,
  );
  console.log(
    `search, words and a need: ${percentiles(await time(() => searchServices(connection, { words: words[i++ % words.length]!, need: 'loneliness' })))}`,
  );
  // Meilisearch's own processing time, without the HTTP round trip: on loopback, kept-alive
  // connections add ~40 ms of delayed-ACK wait that a fresh connection does not see.
  const engine: number[] = [];
  const meili = new Meilisearch({ host: connection.host, apiKey: connection.searchKey });
  for (let n = 0; n < rounds; n++)
    engine.push((await meili.index(indexNames.services).search(words[n % words.length], { limit: 20 })).processingTimeMs);
  console.log(`search, Meilisearch processing time alone: ${percentiles(engine)}`);
  const supabase = supabaseClient(config);
  console.log(
    `REST read of 20 published services (gateway → PostgREST → Postgres, anon key): ${percentiles(await time(async () => await supabase.from('services').select('id, name').eq('published', true).limit(20)))}`,
  );
  console.log(`bench process peak memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  await stack.stop();
}
