import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { benchmarksFile, keptSections } from './bench/sections.ts';
import type { BenchModule, BenchRow } from './bench/types.ts';
import { scriptConfig } from './lib/config.ts';
import { runNode } from './lib/run.ts';
import { startStack } from './stack/index.ts';
import { profiles } from './stack/profiles.ts';
import { portInUse } from './stack/processes.ts';

/**
 * `npm run bench [-- --services 1000,10000,100000] [--only search]`: for each scale, a fresh
 * bench stack (.stack-bench, wiped) filled by the generator, then every module in scripts/bench/
 * (each `export default async function (context): Promise<BenchRow[]>`), and the figures, each
 * marked against its target, written to docs/benchmarks.md with the machine, date and commit.
 */
const { values } = parseArgs({ options: { services: { type: 'string', default: '1000,10000,100000' }, only: { type: 'string' } } });
const scales = values.services.split(',').map(Number);
if (scales.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--services must be whole numbers above 0, separated by commas');

const benchDir = join(import.meta.dirname, 'bench');
const moduleNames = readdirSync(benchDir)
  // oruk-api.ts, maps.ts and referrals.ts are commands of their own (npm run bench:oruk, bench:maps, bench:referrals), not modules.
  .filter(
    (f) =>
      f.endsWith('.ts') &&
      ![
        'types.ts',
        'http.ts',
        'oruk-api.ts',
        'maps.ts',
        'referrals.ts',
        'sections.ts',
        'referral-submission.ts',
        'referral-submitters.ts',
      ].includes(f) &&
      !f.endsWith('.test.ts'),
  )
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => !values.only || values.only.split(',').includes(name));

const profile = profiles.bench;
const results: { scale: number; module: string; rows: BenchRow[] }[] = [];
const log = (line: string) => console.log(line);

for (const scale of scales) {
  if (await portInUse(profile.ports.postgres)) throw new Error('A bench stack is already running; stop it first.');
  rmSync(profile.stateDir, { recursive: true, force: true });
  const stack = await startStack(profile, () => {});
  try {
    const config = scriptConfig({ ...process.env, ...stack.env });
    log(`\n${scale} services: generating…`);
    if ((await runNode('scripts/generate.ts', ['--services', String(scale), '--database-url', config.DATABASE_URL])) !== 0)
      throw new Error('The generator failed; see above.');
    for (const name of moduleNames) {
      log(`${scale} services: ${name}`);
      const run = ((await import(join(benchDir, `${name}.ts`))) as { default: BenchModule }).default;
      try {
        const rows = await run({ scale, config, profile, env: stack.env, log });
        for (const r of rows) log(`  ${r.measure}: ${r.figure}${r.met === null ? '' : r.met ? '  (met)' : '  (MISSED)'}`);
        results.push({ scale, module: name, rows });
      } catch (error) {
        log(`  failed: ${(error as Error).message}`);
        results.push({
          scale,
          module: name,
          rows: [{ measure: `${name} benchmark`, figure: `failed: ${(error as Error).message}`, target: '—', met: false }],
        });
      }
    }
  } finally {
    await stack.stop();
  }
}

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const cpu = cpus();
const lines = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (scripts/bench.ts); do not edit by hand. Each scale is a fresh bench stack filled by',
  '`npm run generate`. Server-side times use a kept-alive HTTP client with TCP_NODELAY: Node’s global fetch adds about',
  '40 ms per kept-alive request on loopback (delayed ACK), which is not search cost.',
  '',
  `- Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB memory, ${osType()} ${release()}, Node ${process.version}`,
  `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
  `- Commit: ${commit}`,
  '',
];
for (const scale of scales) {
  lines.push(`## ${scale.toLocaleString('en-GB')} services`, '', '| Measure | Figure | Target | Met |', '| --- | --- | --- | --- |');
  for (const { rows } of results.filter((r) => r.scale === scale))
    for (const r of rows)
      lines.push(
        `| ${r.measure} | ${r.figure.replace(/\|/g, '\\|')} | ${r.target} | ${r.met === null ? '—' : r.met ? 'met' : '**missed**'} |`,
      );
  lines.push('');
}
// Sections other benchmark commands keep in the same file (npm run bench:referrals) stay as they were.
lines.push(...keptSections(existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : ''));
// Formatted as the repository formats Markdown, so the file passes `npm run format:check` as written.
writeFileSync(benchmarksFile, await format(lines.join('\n'), { ...(await resolveConfig(benchmarksFile)), parser: 'markdown' }));
log('\nWrote docs/benchmarks.md.');
