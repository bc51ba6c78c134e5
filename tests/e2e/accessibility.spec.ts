import { expect, test } from './offline.ts';
import { expectNoAccessibilityViolations } from './axe.ts';
import { builtPages } from './pages.ts';

// Every page the build produced, checked with axe, in eight shares (each well inside its time limit). Organisation pages
// are one template over a short list each, so a quarter of them stand for the rest: the sweep
// has to stay affordable on two shared cores.
const all = builtPages();
const organisations = all.filter((p) => /^\/organisations\/[^/]+\/$/.test(p));
const pages = all.filter((p) => !organisations.includes(p) || organisations.indexOf(p) % 4 === 0);
const shares = 8;

test('the build produced the pages a resident needs', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/services/');
  expect(pages.filter((p) => p.startsWith('/needs/')).length).toBeGreaterThanOrEqual(14);
  for (const page of ['/about/', '/contact/', '/accessibility/', '/privacy/', '/sitemap/', '/shortlist/', '/organisations/'])
    expect(pages).toContain(page);
  expect(organisations.length).toBeGreaterThan(0);
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
