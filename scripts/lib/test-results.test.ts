import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playwrightResult, summarise, vitestResult } from './test-results.ts';

const dir = mkdtempSync(join(tmpdir(), 'signpost-results-'));
function report(name: string, json: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(json));
  return file;
}

// Trimmed from real reports of Playwright's and Vitest's JSON reporters.
const playwright = {
  stats: { expected: 1, unexpected: 1, flaky: 0, skipped: 0 },
  suites: [
    {
      title: 'referral.spec.ts',
      file: 'referral.spec.ts',
      specs: [],
      suites: [
        {
          title: "the person's own page",
          file: 'referral.spec.ts',
          specs: [
            { title: 'shows the status', file: 'referral.spec.ts', line: 12, tests: [{ status: 'expected', results: [{}] }] },
            {
              title: 'a message appears without reloading',
              file: 'referral.spec.ts',
              line: 40,
              tests: [
                { status: 'unexpected', results: [{ error: { message: '\u001b[31mTest timeout of 90000ms exceeded.\u001b[39m\n\n' } }] },
              ],
            },
          ],
        },
      ],
    },
  ],
};

const vitest = {
  numPassedTests: 1,
  numFailedTests: 1,
  numPendingTests: 0,
  numTodoTests: 0,
  testResults: [
    {
      name: `${process.cwd()}/tests/integration/money.test.ts`,
      message: '',
      assertionResults: [
        { status: 'passed', fullName: 'money adds pence', failureMessages: [] },
        {
          status: 'failed',
          fullName: 'money refuses letters',
          failureMessages: ['AssertionError: expected 1 to be 2\n    at money.test.ts:9:3'],
        },
      ],
    },
    { name: `${process.cwd()}/tests/integration/broken.test.ts`, message: 'Cannot find module ./gone.ts', assertionResults: [] },
  ],
};

describe('the closing lines of a test run', () => {
  it('name each failed end-to-end test with its describe block, line and the start of its error', () => {
    const result = playwrightResult(report('playwright.json', playwright), 1);
    expect(result).toMatchObject({ passed: 1, failed: 1 });
    expect(result.failures).toEqual([
      "referral.spec.ts:40 › the person's own page › a message appears without reloading: Test timeout of 90000ms exceeded.",
    ]);
  });

  it('name each failed unit test, and a test file that could not run at all', () => {
    const result = vitestResult(report('vitest.json', vitest), 1);
    expect(result.failures).toEqual([
      'tests/integration/money.test.ts › money refuses letters: AssertionError: expected 1 to be 2 ⏎ at money.test.ts:9:3',
      'tests/integration/broken.test.ts: Cannot find module ./gone.ts',
    ]);
  });

  it('count a runner that left no report as one failure, and say so', () => {
    const result = playwrightResult(join(dir, 'missing.json'), 3);
    expect(result).toMatchObject({ passed: 0, failed: 1, exitCode: 3 });
    expect(summarise([result]).split('\n')).toEqual([
      '  FAILED (playwright) playwright exited 3 without a report',
      '  playwright: 0 passed, 1 failed, 0 skipped',
      '0 passed, 1 failed, 0 skipped',
    ]);
  });
});
