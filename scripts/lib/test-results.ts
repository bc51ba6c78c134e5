import { existsSync, readFileSync } from 'node:fs';

export interface RunnerResult {
  runner: string;
  passed: number;
  failed: number;
  skipped: number;
  exitCode: number;
  /** Each failed test as "file › title: the start of its error", so CI's closing lines name it. */
  failures: string[];
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
  return { runner, passed: 0, failed: 1, skipped: 0, exitCode: exitCode || 1, failures: [`${runner} exited ${exitCode} without a report`] };
}

/** The start of an error: its first few lines, enough to see what was expected and what came. */
function errorStart(message: unknown): string {
  const text = typeof message === 'string' ? message : '';
  // Runners colour their messages; the closing lines are plain text.
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '').trim();
  const lines = plain
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.slice(0, 6).join(' ⏎ ').slice(0, 500);
}

interface VitestFile {
  name?: string;
  message?: string;
  assertionResults?: { status?: string; fullName?: string; failureMessages?: unknown[] }[];
}

function vitestFailures(json: Record<string, unknown>): string[] {
  const files = (json.testResults ?? []) as VitestFile[];
  return files.flatMap((file) => {
    const name = (file.name ?? '').replace(`${process.cwd()}/`, '');
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (!failed.length && file.message) return [`${name}: ${errorStart(file.message)}`];
    return failed.map((a) => `${name} › ${a.fullName ?? ''}: ${errorStart(a.failureMessages?.[0])}`);
  });
}

export function vitestResult(file: string, exitCode: number): RunnerResult {
  const json = readJson(file);
  if (!json) return crashed('vitest', exitCode);
  const n = (key: string) => Number(json[key] ?? 0);
  const failed = n('numFailedTests') + (exitCode !== 0 && n('numFailedTests') === 0 ? 1 : 0);
  return {
    runner: 'vitest',
    passed: n('numPassedTests'),
    failed,
    skipped: n('numPendingTests') + n('numTodoTests'),
    exitCode,
    failures: vitestFailures(json),
  };
}

interface PlaywrightSuite {
  title?: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: {
    title?: string;
    file?: string;
    line?: number;
    tests?: { status?: string; results?: { error?: { message?: string } }[] }[];
  }[];
}

/** Top-level suites are files; the suites inside them are `describe` blocks, whose titles lead the test's. */
function playwrightFailures(suites: PlaywrightSuite[], describes?: string[]): string[] {
  return suites.flatMap((suite) => {
    const titles = describes === undefined ? [] : [...describes, suite.title ?? ''];
    const own = (suite.specs ?? []).flatMap((spec) =>
      (spec.tests ?? [])
        .filter((t) => t.status === 'unexpected')
        .map((t) => {
          const error = t.results?.find((r) => r.error)?.error?.message;
          return `${spec.file ?? suite.file ?? ''}:${spec.line ?? ''} › ${[...titles, spec.title ?? ''].join(' › ')}: ${errorStart(error)}`;
        }),
    );
    return [...own, ...playwrightFailures(suite.suites ?? [], titles)];
  });
}

export function playwrightResult(file: string, exitCode: number): RunnerResult {
  const json = readJson(file);
  const stats = json?.stats as Record<string, number> | undefined;
  if (!json || !stats) return crashed('playwright', exitCode);
  const failed = (stats.unexpected ?? 0) + (exitCode !== 0 && !stats.unexpected ? 1 : 0);
  return {
    runner: 'playwright',
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed,
    skipped: stats.skipped ?? 0,
    exitCode,
    failures: playwrightFailures((json.suites ?? []) as PlaywrightSuite[]),
  };
}

export function summarise(results: RunnerResult[]): string {
  const sum = (key: 'passed' | 'failed' | 'skipped') => results.reduce((total, r) => total + r[key], 0);
  const failures = results.flatMap((r) => r.failures.map((f) => `  FAILED (${r.runner}) ${f}`));
  const lines = results.map((r) => `  ${r.runner}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  return [...failures, ...lines, `${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`].join('\n');
}
