import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Fails the test with a readable list when the page in its current state breaks WCAG 2.2 AA rules.
 * It first lets running transitions finish (a map's markers fade in): axe measures colour contrast
 * from the colours of the moment, and a half-faded label is not what anyone reads.
 */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `accessibility of ${new URL(page.url()).pathname}`).toEqual([]);
}
