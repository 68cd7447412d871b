import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every page under test must work guard and cleanly: any request that leaves 127.0.0.1 and
 * any console error fails the test.
 */
export const test = base.extend<{ guard: { errors: string[]; external: string[] } }>({
  guard: async ({ page }, use) => {
    const errors: string[] = [];
    const external: string[] = [];
    page.on('console', (m) => {
      // With the address it came from: a failed load names its file.
      if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      external.push(route.request().url());
      return route.abort();
    });
    await use({ errors, external });
    expect(external, 'requests that left 127.0.0.1').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  },
});

/** Open a shipped scenario from the library, start the shift and run it at 60×. */
export async function startScenario(page: Page, id: string): Promise<void> {
  await page.goto('/?library');
  await page.locator(`[data-scenario="${id}"] [data-testid="open-scenario"]`).click();
  await page.getByRole('button', { name: 'Start the shift' }).click();
  await page.getByRole('button', { name: '60×' }).click();
}

export { expect };

/** End the drill from the top bar: it asks for confirmation first (ending is final). */
export async function endDrill(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'End the drill' }).click();
  await expect(page.getByTestId('end-confirm')).toContainText('End now?');
  await page.getByRole('button', { name: 'Yes, end the drill' }).click();
}

/**
 * From the library to the breakdown drill's control room as a student meets it, with `visit`
 * called on each screen: the library, the briefing, and the control room paused with the mill's
 * alarm active and its faceplate open. `T` holds the page's language's texts.
 */
export async function toBreakdownFaceplate(page: Page, T: { readonly 'briefing.start': string }, visit: (screen: 'library' | 'briefing' | 'control room') => Promise<void>): Promise<void> {
  await visit('library');
  await page.locator('[data-scenario="breakdown-drill"] [data-testid="open-scenario"]').click();
  await visit('briefing');
  await page.getByRole('button', { name: T['briefing.start'] }).click();
  await page.getByRole('button', { name: '60×' }).click();
  await expect(page.locator('[data-alarm="M1.stopped"]')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Space');
  await page.locator('.station-list [data-station="M1"]').click();
  await expect(page.getByTestId('faceplate')).toBeVisible();
  await visit('control room');
}

/** No serious or critical accessibility violation (axe, WCAG 2.2 AA where it applies) on the page as it is. */
export async function audit(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).exclude('canvas').analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, where).toEqual([]);
}
