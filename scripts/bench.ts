import { performance } from 'node:perf_hooks';
import { supabaseClient } from '../src/lib/supabase.ts';
import { searchServices } from '../src/lib/search/client.ts';
import { scriptConfig } from './lib/config.ts';
import { prepareData } from './lib/prepare-data.ts';
import { startStack } from './stack/index.ts';
import { profiles } from './stack/profiles.ts';

/**
 * `npm run bench`: prints latency figures for the paths residents wait on. It measures; it does
 * not judge (targets are read from the figures, not asserted in tests).
 */
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 200);

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

const stack = await startStack(profiles.local, () => {});
try {
  await prepareData(stack, () => {});
  const config = scriptConfig({ ...process.env, ...stack.env });
  const connection = { host: config.PUBLIC_MEILI_HOST, searchKey: config.PUBLIC_MEILI_SEARCH_KEY };
  const words = ['walking', 'benefits', 'carers', 'befriending', 'warm space', 'lonely', 'debt advice'];
  let i = 0;
  console.log(
    `search (Meilisearch, search-only key): ${percentiles(await time(() => searchServices(connection, { words: words[i++ % words.length]! })))}`,
  );
  const supabase = supabaseClient(config);
  console.log(
    `REST read of published services (gateway → PostgREST → Postgres, anon key): ${percentiles(await time(async () => await supabase.from('services').select('id, name').eq('published', true).limit(20)))}`,
  );
  const memory = process.memoryUsage();
  console.log(`bench process memory: rss ${(memory.rss / 2 ** 20).toFixed(1)} MiB`);
} finally {
  await stack.stop();
}
