import { expect, startScenario, test } from './fixtures';

test('the keyboard reaches every file picker, the skip links lead to the alarms and the faceplate, Shift+E is the E-stop', async ({ page, guard }) => {
  void guard;
  await page.goto('/?library');
  // The file pickers are buttons: Tab reaches them (a label over a hidden input is skipped).
  const reached: string[] = [];
  // Each library card has two buttons (Open, Edit a copy): the pickers below the cards come later.
  for (let k = 0; k < 80; k++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent ?? '');
    reached.push(text.trim());
  }
  for (const name of ['Open a scenario file…', 'Check a session file…', 'Open a session file for replay…']) expect(reached, name).toContain(name);
  // Enter on a picker opens the file dialog.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a scenario file…' }).focus();
  await page.keyboard.press('Enter');
  await chooser;

  await startScenario(page, 'breakdown-drill');
  await page.keyboard.press('Space');
  // The skip links come first in the tab order, and show when the keyboard reaches them.
  const first = await page.evaluate(() => document.querySelector<HTMLElement>('a[href], button, input, select, textarea, [tabindex="0"]')?.textContent);
  expect(first).toBe('Skip to the alarms');
  const skip = page.getByRole('link', { name: 'Skip to the alarms' });
  await skip.focus();
  expect((await skip.boundingBox())!.x).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Enter');
  await expect(page.locator('#alarms')).toBeFocused();
  await page.getByRole('link', { name: 'Skip to the faceplate' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#faceplate')).toBeFocused();

  await expect(page.getByRole('button', { name: 'E-STOP' })).toHaveAttribute('aria-keyshortcuts', 'Shift+E');
  await page.keyboard.press('Shift+E');
  await expect(page.getByRole('button', { name: 'Release E-stop' })).toBeVisible();
});

test('? opens the keyboard help and Escape closes it; a new alarm is told to a screen reader', async ({ page, guard }) => {
  void guard;
  await startScenario(page, 'breakdown-drill');
  await page.keyboard.press('?');
  const help = page.getByTestId('help-panel');
  await expect(help).toBeVisible();
  await expect(help.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(help).toContainText('Emergency stop');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.getByTestId('help-button').click();
  await expect(help).toBeVisible();
  await page.getByTestId('help-button').click();
  await expect(help).toBeHidden();
  // The mill stops ten minutes in: its alarm is announced, priority first, in an assertive live region.
  const announcer = page.getByTestId('alarm-announcer');
  // Its station is said once: the message names it ("Mill M1: Mill M1 stopped" before).
  await expect(announcer).toHaveText('New alarm, priority High: Mill M1 stopped unexpectedly.', { timeout: 30_000 });
  await expect(announcer).toHaveAttribute('aria-live', 'assertive');
});
