import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { connect } from '../src/lib/oruk/db.ts';
import { keptSections } from './bench/sections.ts';
import type { BenchModule, BenchRow, BenchScope } from './bench/types.ts';
import { scriptConfig } from './lib/config.ts';
import { prepareData } from './lib/prepare-data.ts';
import { runNode } from './lib/run.ts';
import { onShutdown } from './lib/shutdown.ts';
import { startStack, type RunningStack } from './stack/index.ts';
import { profiles } from './stack/profiles.ts';
import { portInUse } from './stack/processes.ts';

/**
 * `npm run bench [-- --services 1000,10000,100000] [--only maps,search]`: every benchmark of the
 * project, written to docs/benchmarks.md. A module is a file in scripts/bench/ (the interface is in
 * scripts/bench/types.ts): 'sample data' modules run once against a fresh bench stack (.stack-bench,
 * wiped) holding the sample data; the others run at each scale against a fresh bench stack filled by
 * the generator. Each module's figures become one section of the report, with the machine, date,
 * commit and load average it was measured at; sections this run did not measure are kept from the
 * last run that did, with their own date and commit. Missed targets are flagged in the report and
 * listed at the end; they do not fail the command (a benchmark measures, CI judges).
 */
const { values } = parseArgs({
  options: { services: { type: 'string', default: '1000,10000,100000' }, only: { type: 'string' } },
});
const scales = values.services.split(',').map(Number);
if (scales.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--services must be whole numbers above 0, separated by commas');

interface LoadedModule {
  name: string;
  title: string;
  scope: BenchScope;
  run: BenchModule;
}

const benchDir = join(import.meta.dirname, 'bench');
const modules: LoadedModule[] = [];
for (const file of readdirSync(benchDir).sort()) {
  if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
  const name = file.replace(/\.ts$/, '');
  const loaded = (await import(join(benchDir, file))) as { default?: unknown; scope?: BenchScope; title?: string };
  if (typeof loaded.default !== 'function') continue; // a helper (types, http, static-server), not a benchmark
  modules.push({
    name,
    title: loaded.title ?? name[0]!.toUpperCase() + name.slice(1),
    scope: loaded.scope ?? 'each scale',
    run: loaded.default as BenchModule,
  });
}
const wanted = values.only?.split(',').map((n) => n.trim());
const unknown = wanted?.filter((n) => !modules.some((m) => m.name === n)) ?? [];
if (unknown.length)
  throw new Error(`No benchmark called ${unknown.join(', ')}: there are ${modules.map((m) => m.name).join(', ')} (scripts/bench/).`);
const selected = modules.filter((m) => !wanted || wanted.includes(m.name));

const log = (line: string) => console.log(line);
const commit = (() => {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha} with uncommitted changes` : sha;
  } catch {
    return 'unknown';
  }
})();
const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB memory, ${osType()} ${release()}, Node ${process.version}`;
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const load = () => loadavg()[0]!.toFixed(1);

interface Section {
  /** `module@scale`, or `module@sample` for the sample data: how a later run finds it to replace it. */
  key: string;
  order: [number, string];
  text: string;
}
const sections: Section[] = [];
const missed: string[] = [];
const started = performance.now();

let running: RunningStack | undefined;
onShutdown(async () => running?.stop());

async function freshStack(): Promise<RunningStack> {
  const profile = profiles.bench;
  if (await portInUse(profile.ports.postgres)) throw new Error('A bench stack is already running; stop it first.');
  rmSync(profile.stateDir, { recursive: true, force: true });
  running = await startStack(profile, () => {});
  return running;
}

async function runModules(list: LoadedModule[], stack: RunningStack, scale: number, where: string, sample: boolean): Promise<void> {
  const config = scriptConfig({ ...process.env, ...stack.env });
  // Builds inside the modules build against this stack: a development build, not a deployment.
  const env = { ...stack.env, SIGNPOST_ENV: 'development' };
  for (const module of list) {
    log(`${where}: ${module.name}`);
    const loadBefore = load();
    const t0 = performance.now();
    let rows: BenchRow[];
    try {
      rows = await module.run({ scale, config, profile: stack.profile, env, log });
    } catch (error) {
      rows = [{ measure: `${module.title} benchmark`, figure: `failed: ${(error as Error).message}`, target: '—', met: false }];
    }
    const minutes = ((performance.now() - t0) / 60_000).toFixed(1);
    for (const r of rows) {
      log(`  ${r.measure}: ${r.figure}${r.met === null ? '' : r.met ? '  (met)' : '  (MISSED)'}`);
      if (r.met === false) missed.push(`${module.title}, ${where}: ${r.measure}: ${r.figure} (target ${r.target})`);
    }
    const table = [
      '| Measure | Figure | Target | Met |',
      '| --- | --- | --- | --- |',
      ...rows.map(
        (r) =>
          `| ${r.measure.replace(/\|/g, '\\|')} | ${r.figure.replace(/\|/g, '\\|')} | ${r.target} | ${r.met === null ? '—' : r.met ? 'met' : '**missed**'} |`,
      ),
    ];
    sections.push({
      key: `${module.name}@${sample ? 'sample' : scale}`,
      order: [sample ? 0 : scale, module.name],
      text: [
        `## ${module.title}, ${where}`,
        '',
        `<!-- bench: ${module.name}@${sample ? 'sample' : scale} -->`,
        '',
        `Measured ${now()} at commit ${commit} on ${machine}; load average ${loadBefore} before, ${load()} after; took ${minutes} min.`,
        '',
        ...table,
      ].join('\n'),
    });
  }
}

try {
  const once = selected.filter((m) => m.scope === 'sample data');
  if (once.length) {
    const stack = await freshStack();
    try {
      await prepareData(stack, () => {});
      const db = await connect(scriptConfig({ ...process.env, ...stack.env }).DATABASE_URL);
      const published = Number((await db.query<{ n: string }>('select count(*) as n from public.services where published')).rows[0]!.n);
      await db.end();
      await runModules(once, stack, published, 'on the sample data', true);
    } finally {
      await stack.stop();
      running = undefined;
    }
  }
  const each = selected.filter((m) => m.scope === 'each scale');
  for (const scale of each.length ? scales : []) {
    const stack = await freshStack();
    try {
      const config = scriptConfig({ ...process.env, ...stack.env });
      log(`\n${scale} services: generating…`);
      if ((await runNode('scripts/generate.ts', ['--services', String(scale), '--database-url', config.DATABASE_URL])) !== 0)
        throw new Error('The generator failed; see above.');
      await runModules(each, stack, scale, `${scale.toLocaleString('en-GB')} services`, false);
    } finally {
      await stack.stop();
      running = undefined;
    }
  }
} finally {
  await writeReport();
}

async function writeReport(): Promise<void> {
  const file = join(import.meta.dirname, '..', 'docs', 'benchmarks.md');
  // Sections this run did not measure stay as the last run that did left them.
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  // Commands with a stack of their own (npm run bench:referrals) keep a marked section, copied as it is.
  const ownSections = keptSections(previous);
  const kept = ownSections
    .reduce((rest, section) => rest.replace(section, ''), previous)
    .split(/^(?=## )/m)
    .map((text) => ({ text: text.trim(), key: /<!-- bench: (\S+) -->/.exec(text)?.[1] }))
    .filter((s): s is { text: string; key: string } => s.key !== undefined && !sections.some((n) => n.key === s.key))
    .map(({ text, key }) => {
      const [name = '', at = ''] = key.split('@');
      return { key, text, order: [at === 'sample' ? 0 : Number(at), name] as [number, string] };
    });
  const all = [...sections, ...kept].sort((a, b) => a.order[0] - b.order[0] || a.order[1].localeCompare(b.order[1]));
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.ts); do not edit by hand. Each section is one benchmark module',
    '(scripts/bench/), run either once on a fresh bench stack holding the sample data, or at each scale on a fresh',
    'bench stack filled by `npm run generate`; it says when, at which commit and on which machine it was measured.',
    'A run with `--only` or other `--services` replaces only the sections it measures. Targets are the issues’;',
    'a missed one is **missed** here and listed when the command ends. Server-side times use a kept-alive HTTP',
    'client with TCP_NODELAY: Node’s global fetch adds about 40 ms per kept-alive request on loopback (delayed ACK),',
    'which is not search cost. Throttled browser timings grow with the load average, printed beside them.',
    '',
    `- Last run: ${now()}, \`npm run bench -- ${process.argv.slice(2).join(' ') || '(defaults)'}\`, ${((performance.now() - started) / 60_000).toFixed(1)} min`,
    `- Machine: ${machine}`,
    `- Commit: ${commit}`,
    `- Targets missed in this run: ${missed.length}`,
    '',
    ...all.flatMap((s) => [s.text, '']),
    ...ownSections,
  ];
  // Formatted as the repository formats Markdown, so the file passes `npm run format:check` as written.
  writeFileSync(file, await format(lines.join('\n'), { ...(await resolveConfig(file)), parser: 'markdown' }));
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  log(`\nWrote docs/benchmarks.md (${minutes} min).`);
  if (missed.length) log(`${missed.length} target(s) MISSED:\n${missed.map((m) => `  - ${m}`).join('\n')}`);
  else log('Every target with a figure in this run was met.');
}
