/**
 * The breakdown drill from start to debrief with the keyboard alone: Tab to each control, Enter
 * to press it, arrow keys in lists, Space to run or pause, `.` to step. Any mouse event in the
 * page fails the test.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Tab (forwards, round the page) until `target` has the focus. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let k = 0; k < 400; k++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

async function press(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

/** A select: focus it with Tab, then arrow down to the option with `value`. */
async function choose(page: Page, select: Locator, value: string): Promise<void> {
  await tabTo(page, select);
  for (let k = 0; k < 40 && (await select.inputValue()) !== value; k++) await page.keyboard.press('ArrowDown');
  expect(await select.inputValue()).toBe(value);
}

test('the breakdown drill, from the library to the debrief, with the keyboard alone', async ({ page, guard }) => {
  test.setTimeout(180_000);
  void guard;
  await page.goto('/?library');
  await page.evaluate(() => {
    const w = window as unknown as { __mouse: string[] };
    w.__mouse = [];
    for (const type of ['mousedown', 'mouseup', 'click', 'pointerdown', 'pointerup', 'dblclick', 'contextmenu']) {
      window.addEventListener(type, (e) => {
        // Enter on a button fires a click with no pointer (detail 0): that is the keyboard.
        if (e.type === 'click' && (e as MouseEvent).detail === 0) return;
        w.__mouse.push(type);
      }, true);
    }
  });

  await press(page, page.locator('[data-scenario="breakdown-drill"] [data-testid="open-scenario"]'));
  await press(page, page.getByRole('button', { name: 'Start the shift' }));
  await press(page, page.getByRole('button', { name: '60×' }));
  const alarm = page.locator('[data-alarm="M1.stopped"]');
  await expect(alarm).toBeVisible({ timeout: 30_000 });
  // Space pauses from anywhere but a text field; blur the speed button first so Space is not a press.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await press(page, alarm.getByRole('button', { name: 'Acknowledge' }));
  await expect(alarm).toContainText('Acknowledged');

  await press(page, page.locator('.station-list [data-station="M1"]'));
  const fp = page.getByTestId('faceplate');
  await expect(fp.getByTestId('faceplate-state')).toHaveText('Held');
  await press(page, fp.getByRole('button', { name: 'Stop', exact: true }));
  for (let k = 0; k < 3; k++) await page.keyboard.press('.');
  await expect(fp.getByTestId('faceplate-state')).toHaveText('Stopped');
  await press(page, fp.getByRole('button', { name: 'Lock out / tag out' }));
  await expect(fp.getByText('LOCKED OUT / TAGGED')).toBeVisible();
  await choose(page, fp.getByLabel('Suspected cause'), 'breakdown');
  await press(page, fp.getByRole('button', { name: 'Declare diagnosis' }));
  await expect(page.getByTestId('toasts')).toContainText('Diagnosis recorded');
  await choose(page, fp.getByLabel('Repair to carry out'), 'generalRepair');
  await press(page, fp.getByRole('button', { name: 'Carry out' }));
  await expect(fp.getByTestId('faceplate-task')).toBeVisible();

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(fp.getByTestId('faceplate-task')).toHaveCount(0, { timeout: 60_000 });
  await page.keyboard.press('Space');
  await press(page, fp.getByRole('button', { name: 'Remove lock-out' }));
  await press(page, fp.getByRole('button', { name: 'Reset' }));
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let k = 0; k < 3; k++) await page.keyboard.press('.');
  await press(page, fp.getByRole('button', { name: 'Start' }));
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(fp.getByTestId('faceplate-state')).toHaveText(/Execute|Suspended/, { timeout: 20_000 });

  await press(page, page.getByRole('button', { name: 'End the drill' }));
  await press(page, page.getByRole('button', { name: 'Yes, end the drill' }));
  await expect(page.getByTestId('debrief')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('verdict')).toHaveText('Passed');
  expect(await page.evaluate(() => (window as unknown as { __mouse: string[] }).__mouse)).toEqual([]);
});
