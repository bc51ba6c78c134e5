import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditAgainstBudgets, budgetMisses, lighthouseBudgets, pageTypes } from '../lib/lighthouse-audit.ts';
import { binOf, runNode } from '../lib/run.ts';
import { serveBuild } from './static-server.ts';
import type { BenchContext, BenchRow, BenchScope } from './types.ts';

export const scope: BenchScope = 'sample data';
export const title = 'Lighthouse, mobile preset';

/** Lighthouse's performance and accessibility scores, LCP and CLS for each page type, against the quality budgets. */
export default async function lighthouseBench(context: BenchContext): Promise<BenchRow[]> {
  const outDir = resolve('dist-bench-lighthouse');
  rmSync(outDir, { recursive: true, force: true });
  context.log('  building the site…');
  const built = await runNode(binOf('astro', 'astro'), ['build', '--silent'], { ...context.env, SIGNPOST_OUT_DIR: outDir });
  if (built !== 0) throw new Error('The site did not build; see above.');
  const { origin, close } = await serveBuild(outDir);
  try {
    context.log('  auditing one page of each type…');
    const audits = await auditAgainstBudgets(origin, pageTypes(outDir));
    const b = lighthouseBudgets;
    return audits.map((a) => {
      const misses = budgetMisses(a);
      return {
        measure: `${a.type} (${a.path}): performance / accessibility, LCP, CLS`,
        figure: `${a.performance.toFixed(2)} / ${a.accessibility.toFixed(2)}, ${Math.round(a.lcpMs)} ms, ${a.cls.toFixed(3)}${a.runs > 1 ? ` (median of ${a.runs}: the first audit missed)` : ''}${misses.length ? ` (missed: ${misses.join('; ')})` : ''}`,
        target: `≥ ${b.performance} / ${b.accessibility}, ≤ ${a.island ? b.lcpIslandMs : b.lcpStaticMs} ms, ≤ ${b.cls}`,
        met: misses.length === 0,
      };
    });
  } finally {
    await close();
  }
}
