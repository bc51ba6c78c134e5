import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { connect } from '../../src/lib/oruk/db.ts';
import { scriptConfig } from '../lib/config.ts';
import { prepareData } from '../lib/prepare-data.ts';
import { runNode } from '../lib/run.ts';
import { startEdgeFunctions } from '../stack/edge-functions.ts';
import { startStack } from '../stack/index.ts';
import { host, profiles } from '../stack/profiles.ts';
import { portInUse } from '../stack/processes.ts';

/**
 * `npm run bench:oruk`: latency of the ORUK API (supabase/functions/oruk) through the gateway, as
 * a consumer sees it, over the sample data; `-- --services 100000` over a generated directory of
 * that size in the bench stack (.stack-bench, wiped first). Each answer's Server-Timing header
 * splits it into the database's part (PostgREST and Postgres, timed inside the function) and
 * Deno's part (routing, mapping, zod checks, JSON, ETag); the rest is the gateway and the
 * connections. Also how long Deno takes from start to its first answer. It measures; it does not judge.
 */
const { values } = parseArgs({ options: { services: { type: 'string' }, rounds: { type: 'string', default: '200' } } });
const rounds = Number(values.rounds);
const scale = values.services ? Number(values.services) : undefined;
if (scale !== undefined && (!Number.isInteger(scale) || scale < 1)) throw new Error('--services must be a whole number above 0');

type Sample = { total: number; db: number; app: number };

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

function p(samples: number[], at: number): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((at / 100) * sorted.length))]!.toFixed(1);
}

function report(label: string, samples: Sample[]): void {
  const part = (pick: (s: Sample) => number) => `p50 ${p(samples.map(pick), 50)} / p95 ${p(samples.map(pick), 95)} ms`;
  console.log(`${label} (n=${samples.length})`);
  console.log(`  through the gateway:                   ${part((s) => s.total)}`);
  console.log(`  database (PostgREST + Postgres):       ${part((s) => s.db)}`);
  console.log(`  Deno (routing, mapping, JSON, ETag):   ${part((s) => s.app)}`);
  console.log(`  gateway and connections (the rest):    ${part((s) => s.total - s.db - s.app)}`);
}

async function timed(url: string): Promise<Sample> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  const total = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const timing = new Map<string, number>(
    (response.headers.get('server-timing') ?? '').split(',').map((entry) => {
      const [name = '', dur] = entry.trim().split(';dur=');
      return [name, Number(dur)];
    }),
  );
  return { total, db: timing.get('db') ?? 0, app: timing.get('app') ?? 0 };
}

async function measure(urls: () => string): Promise<Sample[]> {
  for (let i = 0; i < 10; i++) await timed(urls()); // warm-up
  const samples: Sample[] = [];
  for (let i = 0; i < rounds; i++) samples.push(await timed(urls()));
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
  } else {
    await prepareData(stack, () => {});
  }
  const db = await connect(config.DATABASE_URL);
  // A million fresh rows have no planner statistics yet, and autovacuum would analyse them while
  // the requests run; a directory in use has both done, so settle the database first.
  const settling = performance.now();
  await db.query('vacuum (analyze)');
  console.log(`Vacuumed and analysed in ${((performance.now() - settling) / 1000).toFixed(1)} s.`);
  const ids = (
    await db.query<{ id: string; n: string }>(
      'select id, count(*) over () as n from public.services where published order by random() limit 500',
    )
  ).rows;
  await db.end();
  // Shared machines skew every figure; say how busy this one was.
  console.log(
    `ORUK API over ${ids[0]?.n ?? 0} published services, ${rounds} requests each, one at a time (load average ${loadAverage()}):`,
  );

  const base = `${config.PUBLIC_SUPABASE_URL}/functions/v1/oruk`;
  report('GET /services?page=1&per_page=50', await measure(() => `${base}/services?page=1&per_page=50`));
  let next = 0;
  report('GET /services/{id} (random published ids)', await measure(() => `${base}/services/${ids[next++ % ids.length]!.id}`));
  console.log(`Load average after the requests: ${loadAverage()}`);

  // Deno's cost to the stack: a second instance of the function, from start to its first answer.
  const started = performance.now();
  const deno = await startEdgeFunctions({
    host,
    port: profile.ports.functions + 50,
    supabaseUrl: config.PUBLIC_SUPABASE_URL,
    anonKey: config.PUBLIC_SUPABASE_PUBLISHABLE_KEY,
    logFile: join(profile.stateDir, 'edge-functions-bench.log'),
  });
  console.log(`Deno start to first answer (npm packages already installed): ${(performance.now() - started).toFixed(0)} ms`);
  await deno.stop();
} finally {
  await stack.stop();
}
