import { expect, test } from './fixtures';

test('the default scenario runs with a live table of station states and KPIs', async ({ page, guard }) => {
  void guard;
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /meet the machining line/i })).toBeVisible();
  const table = page.getByRole('table', { name: 'Stations' });
  await expect(table.locator('tbody tr')).toHaveCount(7);
  // Time moves and parts flow: the clock advances and finished goods count up.
  await page.getByRole('button', { name: '60×' }).click();
  const clock = page.getByTestId('clock');
  const first = await clock.textContent();
  await expect(clock).not.toHaveText(first ?? '', { timeout: 10_000 });
  await expect(page.locator('tr[data-station="OUT"] td').nth(5)).not.toHaveText('0', { timeout: 20_000 });
  await expect(page.getByTestId('state-L1')).toHaveText(/Execute|Suspended/);
  await expect(page.getByTestId('kpi-OEE')).toHaveText(/%/);
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await clock.textContent();
  await page.waitForTimeout(600);
  await expect(clock).toHaveText(paused ?? '');
  await page.screenshot({ path: 'tests/artifacts/live-table.png', fullPage: true });
});
