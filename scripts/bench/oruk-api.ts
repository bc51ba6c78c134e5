import { rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { connect } from '../../src/lib/oruk/db.ts';
import { scriptConfig } from '../lib/config.ts';
import { buildAllOrukDocuments } from '../lib/oruk-documents.ts';
import { prepareData } from '../lib/prepare-data.ts';
import { runNode } from '../lib/run.ts';
import { startEdgeFunctions } from '../stack/edge-functions.ts';
import { startStack } from '../stack/index.ts';
import { host, profiles } from '../stack/profiles.ts';
import { portInUse } from '../stack/processes.ts';
import { requestRaw } from './http.ts';
import { percentile, type BenchContext, type BenchRow } from './types.ts';

/**
 * `npm run bench:oruk`: latency of the ORUK API (supabase/functions/oruk) through the gateway, as
 * a consumer sees it, over the sample data; `-- --services 100000` over a generated directory of
 * that size in the bench stack (.stack-bench, wiped first). Each answer's Server-Timing header
 * splits it into the database's part (PostgREST and Postgres, timed inside the function) and
 * Deno's part (routing, mapping, zod checks, JSON, ETag); the rest is the gateway and the
 * connections. Also how long Deno takes from start to its first answer. It measures; it does not judge.
 * The API answers from documents built ahead (scripts/lib/oruk-documents.ts): they are built first,
 * as `npm run index` builds them, and the list is measured again without them, built on request.
 */
// Imported by `npm run bench` (see orukApiBench below), the command line is not this command's.
const { values } = parseArgs({
  args: import.meta.main ? process.argv.slice(2) : [],
  options: { services: { type: 'string' }, rounds: { type: 'string', default: '200' } },
});
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

// A kept-alive client with TCP_NODELAY (./http.ts): Node's global fetch would add about 40 ms of
// delayed ACK to some requests on loopback, which no consumer over a network waits for.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

async function timed(url: string): Promise<Sample> {
  const started = performance.now();
  const response = await requestRaw(url, { agent });
  const total = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const timing = new Map<string, number>(
    String(response.headers['server-timing'] ?? '')
      .split(',')
      .map((entry) => {
        const [name = '', dur] = entry.trim().split(';dur=');
        return [name, Number(dur)];
      }),
  );
  return { total, db: timing.get('db') ?? 0, app: timing.get('app') ?? 0 };
}

/**
 * The first requests after a start are slower in every part (Deno's and the gateway's JIT, each of
 * PostgREST's pooled connections planning its first calls): a server that keeps running answers
 * like the requests after them, so the first 100 are not timed.
 */
const warmUp = 100;

async function measure(urls: () => string): Promise<Sample[]> {
  for (let i = 0; i < warmUp; i++) await timed(urls());
  const samples: Sample[] = [];
  for (let i = 0; i < rounds; i++) samples.push(await timed(urls()));
  return samples;
}

/** A million fresh rows have no planner statistics yet, and autovacuum would analyse them while the requests run. */
async function settle(databaseUrl: string): Promise<{ id: string; n: string }[]> {
  const db = await connect(databaseUrl);
  try {
    await db.query('vacuum (analyze)');
    return (
      await db.query<{ id: string; n: string }>(
        'select id, count(*) over () as n from public.services where published order by random() limit 500',
      )
    ).rows;
  } finally {
    await db.end();
  }
}

/** Builds every published service's document ahead, as `npm run index` does: how many, and how long it took. */
async function buildDocuments(databaseUrl: string): Promise<{ documents: number; seconds: number }> {
  const started = performance.now();
  const { documents } = await buildAllOrukDocuments(databaseUrl);
  return { documents, seconds: (performance.now() - started) / 1000 };
}

/** Deletes the documents built ahead, so the API builds each service on request (as straight after a change). */
async function dropDocuments(databaseUrl: string): Promise<void> {
  const db = await connect(databaseUrl);
  try {
    await db.query('delete from public.oruk_service_documents');
  } finally {
    await db.end();
  }
}

/** `npm run bench`: the same two requests at each scale, on the runner's bench stack (see scripts/bench/types.ts). */
export const title = 'ORUK API';
export default async function orukApiBench(context: BenchContext): Promise<BenchRow[]> {
  const base = `${context.config.PUBLIC_SUPABASE_URL}/functions/v1/oruk`;
  const built = await buildDocuments(context.config.DATABASE_URL);
  const ids = await settle(context.config.DATABASE_URL);
  let next = 0;
  const judged = context.scale >= 100_000;
  const rows: BenchRow[] = [
    {
      measure: 'Documents built ahead for the API (npm run index; the indexer keeps them as services change)',
      figure: `${built.documents} services in ${built.seconds.toFixed(1)} s`,
      target: '—',
      met: null,
    },
  ];
  for (const [label, url, targetMs] of [
    ['GET /services?page=1&per_page=50', () => `${base}/services?page=1&per_page=50`, 50],
    ['GET /services/{id}', () => `${base}/services/${ids[next++ % ids.length]!.id}`, 20],
  ] as const) {
    context.log(`  ${label}…`);
    const samples = await measure(url);
    const total = samples.map((s) => s.total);
    const parts = `database ${p(
      samples.map((s) => s.db),
      95,
    )} ms, Deno ${p(
      samples.map((s) => s.app),
      95,
    )} ms`;
    rows.push({
      measure: `${label} through the gateway, p50 / p95 (the database's and Deno's parts at p95)`,
      figure: `${p(total, 50)} / ${p(total, 95)} ms (${parts}; n=${samples.length})`,
      target: judged ? `≤ ${targetMs} ms p95` : '—',
      met: judged ? percentile(total, 95) <= targetMs : null,
    });
  }
  context.log('  GET /services?page=1&per_page=50, every service built on request…');
  await dropDocuments(context.config.DATABASE_URL);
  const onRequest = (await measure(() => `${base}/services?page=1&per_page=50`)).map((s) => s.total);
  rows.push({
    measure: 'GET /services?page=1&per_page=50 with no document built ahead (each service built on request), p50 / p95',
    figure: `${p(onRequest, 50)} / ${p(onRequest, 95)} ms (n=${onRequest.length})`,
    target: '—',
    met: null,
  });
  return rows;
}

if (import.meta.main) {
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
    const built = await buildDocuments(config.DATABASE_URL);
    console.log(`Built the documents of ${built.documents} services ahead in ${built.seconds.toFixed(1)} s.`);
    // A directory in use has its statistics and vacuum done, so settle the database first.
    const settling = performance.now();
    const ids = await settle(config.DATABASE_URL);
    console.log(`Vacuumed and analysed in ${((performance.now() - settling) / 1000).toFixed(1)} s.`);
    // Shared machines skew every figure; say how busy this one was.
    console.log(
      `ORUK API over ${ids[0]?.n ?? 0} published services, ${rounds} requests each, one at a time (load average ${loadAverage()}):`,
    );

    const base = `${config.PUBLIC_SUPABASE_URL}/functions/v1/oruk`;
    report('GET /services?page=1&per_page=50', await measure(() => `${base}/services?page=1&per_page=50`));
    let next = 0;
    report('GET /services/{id} (random published ids)', await measure(() => `${base}/services/${ids[next++ % ids.length]!.id}`));
    await dropDocuments(config.DATABASE_URL);
    report('GET /services?page=1&per_page=50, with no document built ahead', await measure(() => `${base}/services?page=1&per_page=50`));
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
}
