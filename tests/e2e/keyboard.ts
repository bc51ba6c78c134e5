import { expect, type Locator, type Page } from '@playwright/test';

/** Presses Tab until the element has focus, as a keyboard user moves through the page; fails if it never does. */
export async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await handle?.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** Tabs to a text box and types into it. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** Tabs to a radio or checkbox and ticks it with Space. */
export async function tick(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Space');
  await expect(target).toBeChecked();
}

/** Tabs to a button or link and presses Enter. */
export async function press(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

/** Chooses a radio from the keyboard: Tab into its group, then arrow keys to the choice. */
export async function chooseRadio(page: Page, group: Locator, choice: Locator): Promise<void> {
  await tabTo(page, group.first());
  await page.keyboard.press('Space');
  for (let i = 0; i < 30 && !(await choice.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(choice).toBeChecked();
}
