import { expect, startScenario, test } from './fixtures';

test('a reload mid-run loses nothing: the run is offered back at the same time with the same commands', async ({ page, guard }) => {
  void guard;
  await startScenario(page, 'breakdown-drill');
  const alarm = page.locator('[data-alarm="M1.stopped"]');
  await expect(alarm).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Space');
  await alarm.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(alarm).toContainText('Acknowledged');
  const savedAt = (await page.getByTestId('clock').textContent()) ?? '';
  // Give the autosave its moment, then reload as if the tab had crashed.
  await page.waitForTimeout(500);
  await page.reload();
  const banner = page.getByTestId('resume');
  await expect(banner).toContainText('Breakdown on the mill');
  await expect(banner).toContainText(savedAt);
  await banner.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('clock')).toHaveText(savedAt);
  await expect(page.locator('[data-alarm="M1.stopped"]')).toContainText('Acknowledged');
  // It carries on from there, and the restored log still earns the acknowledgement in the debrief.
  await page.getByRole('button', { name: 'End the drill' }).click();
  await expect(page.getByTestId('debrief')).toBeVisible();
  await expect(page.locator('table.faults tbody tr td').nth(3)).not.toHaveText('never');
});
