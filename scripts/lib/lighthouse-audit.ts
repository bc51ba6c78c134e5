import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { percentile } from '../bench/types.ts';

/**
 * Lighthouse (mobile preset: a mid-range phone, simulated slow 4G and a 4× slower CPU) on one page
 * of each type, with the Debian Chromium. Used by the test that holds the budgets
 * (tests/e2e/lighthouse.spec.ts) and by `npm run bench`, which writes the scores to docs/benchmarks.md.
 */
export const lighthouseBudgets = {
  performance: 0.95,
  accessibility: 1,
  /** Largest contentful paint on pages that are only HTML and CSS. */
  lcpStaticMs: 1000,
  /** …and on the pages whose content comes from an island (search, the maps). */
  lcpIslandMs: 1800,
  cls: 0.02,
};

export interface PageType {
  type: string;
  path: string;
  /** The page's content comes from an island, so its LCP budget is the longer one. */
  island: boolean;
}

export interface PageAudit extends PageType {
  performance: number;
  accessibility: number;
  lcpMs: number;
  cls: number;
  /** Accessibility audits that failed, by id: what to fix when the score is under 1. */
  accessibilityFailures: string[];
}

/** One page of each type a resident or a member of staff meets, found in the build. */
export function pageTypes(outDir: string): PageType[] {
  const first = (dir: string) =>
    readdirSync(join(outDir, dir), { withFileTypes: true }).find((d) => d.isDirectory() && d.name !== 'letter')!.name;
  const areaPage = readFileSync(join(outDir, 'areas', 'index.html'), 'utf8').match(/href="(\/areas\/[a-z0-9]{3,8}\/)"/)?.[1];
  if (!areaPage) throw new Error('The build has no area pages: is the catalogue empty?');
  return [
    { type: 'home', path: '/', island: false },
    { type: 'service', path: `/services/${first('services')}/`, island: false },
    { type: 'need', path: `/needs/${first('needs')}/`, island: false },
    { type: 'A to Z', path: '/services/', island: false },
    { type: 'search with results', path: '/search/?q=walking', island: true },
    { type: '/areas', path: '/areas/', island: true },
    { type: 'area page', path: areaPage, island: true },
    { type: 'journey step', path: '/refer/about-you/', island: false },
    { type: 'the person’s page', path: '/my-referral/', island: false },
    { type: 'staff sign-in', path: '/staff/', island: false },
  ];
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Audits each page in turn, in one headless Chromium (one at a time: they would slow each other). */
export async function auditPages(baseUrl: string, pages: PageType[]): Promise<PageAudit[]> {
  const chrome = await launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    logLevel: 'silent',
  });
  try {
    const audits: PageAudit[] = [];
    for (const page of pages) {
      const run = await lighthouse(
        new URL(page.path, baseUrl).href,
        { port: chrome.port, logLevel: 'error', output: 'json' },
        { extends: 'lighthouse:default', settings: { onlyCategories: ['performance', 'accessibility'] } },
      );
      if (!run) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      const { categories, audits: found, runtimeError } = run.lhr;
      if (runtimeError) throw new Error(`Lighthouse could not audit ${page.path}: ${runtimeError.message}`);
      audits.push({
        ...page,
        performance: categories.performance?.score ?? 0,
        accessibility: categories.accessibility?.score ?? 0,
        lcpMs: found['largest-contentful-paint']?.numericValue ?? Number.POSITIVE_INFINITY,
        cls: found['cumulative-layout-shift']?.numericValue ?? Number.POSITIVE_INFINITY,
        accessibilityFailures: (categories.accessibility?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && found[ref.id]?.score === 0)
          .map((ref) => ref.id),
      });
    }
    return audits;
  } finally {
    chrome.kill();
  }
}

/** Audits of the same page summed up: the median of each timing and score, every accessibility failure seen. */
export function medianAudit(runs: PageAudit[]): PageAudit & { runs: number } {
  const [first] = runs;
  if (!first) throw new Error('medianAudit needs at least one audit');
  return {
    ...first,
    performance: percentile(
      runs.map((r) => r.performance),
      50,
    ),
    accessibility: Math.min(...runs.map((r) => r.accessibility)),
    lcpMs: percentile(
      runs.map((r) => r.lcpMs),
      50,
    ),
    cls: percentile(
      runs.map((r) => r.cls),
      50,
    ),
    accessibilityFailures: [...new Set(runs.flatMap((r) => r.accessibilityFailures))],
    runs: runs.length,
  };
}

/**
 * Audits each page once, and a page that misses a budget four times more, judged on the median
 * of its five: a page load's timings, even simulated, move with what else the machine is doing,
 * and Lighthouse's own advice for a figure to act on is the median of five runs. A real
 * regression misses in most of the five; one slow moment does not fail the page.
 */
export async function auditAgainstBudgets(baseUrl: string, pages: PageType[]): Promise<(PageAudit & { runs: number })[]> {
  const judged: (PageAudit & { runs: number })[] = [];
  for (const audit of await auditPages(baseUrl, pages)) {
    if (budgetMisses(audit).length === 0) judged.push({ ...audit, runs: 1 });
    else judged.push(medianAudit([audit, ...(await auditPages(baseUrl, [audit, audit, audit, audit]))]));
  }
  return judged;
}

/**
 * How far past its budget a timing may be in the test suite before it fails: LCP by a quarter,
 * the performance score by 0.05. The bench (docs/benchmarks.md) judges the budgets themselves, on
 * a quiet machine. On two shared cores the median of five LCPs of the same page still moved from
 * 1.0 to 2.0 s between hours of one day. What the suite catches: a script that holds the home page's
 * first paint for 400 ms at desktop speed took its LCP to 2.3 s and failed it. What it lets through:
 * a 150 ms one (LCP 1.25 s), or the site's stylesheet no longer inline (about 0.15 s); those show
 * in the line the test prints for each page and in the bench. Accessibility and layout shift have
 * no allowance.
 */
export const suiteAllowance = { lcpFactor: 1.25, performance: 0.05 };

/** What each budget says about an audit (an empty list when every one is met), optionally with an allowance on the timings. */
export function budgetMisses(audit: PageAudit, allowance = { lcpFactor: 1, performance: 0 }): string[] {
  const b = lighthouseBudgets;
  const lcpBudget = audit.island ? b.lcpIslandMs : b.lcpStaticMs;
  const lcpLimit = lcpBudget * allowance.lcpFactor;
  const performanceFloor = Math.round((b.performance - allowance.performance) * 100) / 100;
  const allowed = (limit: number, budget: number, unit = '') => (limit === budget ? '' : `, allowed ${limit}${unit} in the suite`);
  return [
    audit.performance < performanceFloor
      ? `performance ${audit.performance.toFixed(2)} (budget ≥ ${b.performance}${allowed(performanceFloor, b.performance)})`
      : '',
    audit.accessibility < b.accessibility
      ? `accessibility ${audit.accessibility.toFixed(2)} (budget ${b.accessibility}; failing: ${audit.accessibilityFailures.join(', ')})`
      : '',
    audit.lcpMs > lcpLimit ? `LCP ${Math.round(audit.lcpMs)} ms (budget ≤ ${lcpBudget} ms${allowed(lcpLimit, lcpBudget, ' ms')})` : '',
    audit.cls > b.cls ? `CLS ${audit.cls.toFixed(3)} (budget ≤ ${b.cls})` : '',
  ].filter(Boolean);
}
