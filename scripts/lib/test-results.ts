import { existsSync, readFileSync } from 'node:fs';

export interface RunnerResult {
  runner: string;
  passed: number;
  failed: number;
  skipped: number;
  exitCode: number;
}

function readJson(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** A runner that crashed before reporting counts as one failure, never as a pass. */
function crashed(runner: string, exitCode: number): RunnerResult {
  return { runner, passed: 0, failed: 1, skipped: 0, exitCode: exitCode || 1 };
}

export function vitestResult(file: string, exitCode: number): RunnerResult {
  const json = readJson(file);
  if (!json) return crashed('vitest', exitCode);
  const n = (key: string) => Number(json[key] ?? 0);
  const failed = n('numFailedTests') + (exitCode !== 0 && n('numFailedTests') === 0 ? 1 : 0);
  return { runner: 'vitest', passed: n('numPassedTests'), failed, skipped: n('numPendingTests') + n('numTodoTests'), exitCode };
}

export function playwrightResult(file: string, exitCode: number): RunnerResult {
  const stats = readJson(file)?.stats as Record<string, number> | undefined;
  if (!stats) return crashed('playwright', exitCode);
  const failed = (stats.unexpected ?? 0) + (exitCode !== 0 && !stats.unexpected ? 1 : 0);
  return { runner: 'playwright', passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed, skipped: stats.skipped ?? 0, exitCode };
}

export function summarise(results: RunnerResult[]): string {
  const sum = (key: 'passed' | 'failed' | 'skipped') => results.reduce((total, r) => total + r[key], 0);
  const lines = results.map((r) => `  ${r.runner}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  return [...lines, `${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`].join('\n');
}
