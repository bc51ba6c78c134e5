import { describe, expect, it } from 'vitest';
import { budgetMisses, medianAudit, suiteAllowance, type PageAudit } from './lighthouse-audit.ts';

const audit = (over: Partial<PageAudit>): PageAudit => ({
  type: 'home',
  path: '/',
  island: false,
  performance: 1,
  accessibility: 1,
  lcpMs: 800,
  cls: 0,
  accessibilityFailures: [],
  ...over,
});

describe('judging a page on several Lighthouse audits', () => {
  it('one slow audit among five does not make the page miss its LCP budget', () => {
    const runs = [1400, 850, 900, 870, 880].map((lcpMs) => audit({ lcpMs }));
    expect(budgetMisses(runs[0]!)).toEqual(['LCP 1400 ms (budget ≤ 1000 ms)']);
    const judged = medianAudit(runs);
    expect(judged.lcpMs).toBe(880);
    expect(judged.runs).toBe(5);
    expect(budgetMisses(judged)).toEqual([]);
  });

  it('a page slow in most audits still misses, with its median figure', () => {
    const judged = medianAudit([0.9, 0.92, 0.97, 0.91, 0.99].map((performance) => audit({ performance })));
    expect(budgetMisses(judged)).toEqual(['performance 0.92 (budget ≥ 0.95)']);
  });

  it('an accessibility failure in any audit counts', () => {
    const judged = medianAudit([audit({}), audit({ accessibility: 0.96, accessibilityFailures: ['color-contrast'] }), audit({})]);
    expect(budgetMisses(judged)).toEqual(['accessibility 0.96 (budget 1; failing: color-contrast)']);
  });

  it('an island page has the longer LCP budget', () => {
    expect(budgetMisses(audit({ island: true, lcpMs: 1500 }))).toEqual([]);
    expect(budgetMisses(audit({ island: true, lcpMs: 1900 }))).toEqual(['LCP 1900 ms (budget ≤ 1800 ms)']);
  });
});

describe("the suite's allowance on Lighthouse timings", () => {
  it('lets a page a little past its budget pass the suite', () => {
    expect(budgetMisses(audit({ lcpMs: 1100, performance: 0.93 }), suiteAllowance)).toEqual([]);
  });

  it('fails a page well past its budget, naming the budget and the allowance', () => {
    expect(budgetMisses(audit({ lcpMs: 1600, performance: 0.8 }), suiteAllowance)).toEqual([
      'performance 0.80 (budget ≥ 0.95, allowed 0.9 in the suite)',
      'LCP 1600 ms (budget ≤ 1000 ms, allowed 1250 ms in the suite)',
    ]);
  });

  it('allows nothing on accessibility or layout shift', () => {
    expect(budgetMisses(audit({ cls: 0.03, accessibility: 0.98, accessibilityFailures: ['label'] }), suiteAllowance)).toEqual([
      'accessibility 0.98 (budget 1; failing: label)',
      'CLS 0.030 (budget ≤ 0.02)',
    ]);
  });
});
