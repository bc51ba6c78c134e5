import { expect, test } from './offline.ts';
import { expectNoAccessibilityViolations } from './axe.ts';
import { builtPages } from './pages.ts';

// Every page the build produced, checked with axe, in four parallel shares.
const pages = builtPages();
const shares = 4;

test('the build produced the pages a resident needs', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/services/');
  expect(pages.filter((p) => p.startsWith('/needs/')).length).toBeGreaterThanOrEqual(14);
});

for (let share = 0; share < shares; share++) {
  test(`every page meets WCAG 2.2 AA (share ${share + 1} of ${shares})`, async ({ page }) => {
    test.setTimeout(300_000);
    for (const path of pages.filter((_, i) => i % shares === share)) {
      await page.goto(path);
      await expectNoAccessibilityViolations(page);
    }
  });
}
