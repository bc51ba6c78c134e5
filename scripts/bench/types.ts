import type { ScriptConfig } from '../lib/config.ts';
import type { StackProfile } from '../stack/profiles.ts';

/**
 * A benchmark module: any file in scripts/bench/ whose default export is
 * `async function (context: BenchContext): Promise<BenchRow[]>`. `npm run bench` finds it by its
 * file name (`npm run bench -- --only name` runs it alone) and runs it:
 * - at each scale (`--services 1000,10000,100000`), against a fresh bench stack holding that many
 *   generated services; or
 * - once, against a fresh bench stack holding the sample data, when the module exports
 *   `export const scope: BenchScope = 'sample data'`.
 * It may export `title`, the report's heading for it (otherwise its file name, capitalised). Each row it returns
 * is one line of its table in docs/benchmarks.md; a row whose target is missed is flagged there and
 * in the runner's closing summary. A module that throws is reported as failed and the run goes on.
 * A module that is also a command of its own (`npm run bench:maps`) keeps its command-line code
 * under `if (import.meta.main)`, so importing it runs nothing.
 */
export interface BenchContext {
  /** How many services the generator put in the bench stack (for 'sample data' modules, how many the sample has). */
  scale: number;
  config: ScriptConfig;
  profile: StackProfile;
  /** The bench stack's environment (addresses and keys, and SIGNPOST_ENV=development), for building the site against it. */
  env: Record<string, string>;
  /** Progress lines for the console (not the report). */
  log: (line: string) => void;
}

export interface BenchRow {
  measure: string;
  figure: string;
  /** The target as written in the issue, or '—' when there is none at this scale. */
  target: string;
  /** Whether the target was met; null when there is no target. */
  met: boolean | null;
}

export type BenchModule = (context: BenchContext) => Promise<BenchRow[]>;

/** Where a module runs: at each scale of generated services (the default), or once over the sample data. */
export type BenchScope = 'each scale' | 'sample data';

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
