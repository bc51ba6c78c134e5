import type { ScriptConfig } from '../lib/config.ts';
import type { StackProfile } from '../stack/profiles.ts';

/**
 * One benchmark module (scripts/bench/*.ts): `export default async function (context)` returning
 * rows. `npm run bench` runs every module at each scale, against a fresh bench stack holding that
 * many generated services, and writes every row to docs/benchmarks.md.
 */
export interface BenchContext {
  /** How many services the generator put in the bench stack. */
  scale: number;
  config: ScriptConfig;
  profile: StackProfile;
  /** The bench stack's environment (addresses and keys), for building the site against it. */
  env: Record<string, string>;
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
