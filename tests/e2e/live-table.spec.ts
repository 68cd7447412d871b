import { expect, test } from './fixtures';

test('the default scenario opens in the control room, runs, and shows the line in 3D', async ({ page, guard }) => {
  void guard;
  await page.goto('/?stats');
  await expect(page.getByTestId('line-view').locator('canvas')).toBeVisible();
  // The canvas really renders through WebGL: frames are drawn with draw calls and triangles.
  await expect
    .poll(() => page.evaluate(() => (window.__lfRender ?? []).filter((f) => f.calls > 10 && f.triangles > 1000).length), { timeout: 15_000 })
    .toBeGreaterThan(3);
  // From the first frame on, only what the simulation says is drawn: the tutorial line is a few
  // thousand triangles (before its first state arrived, 4,096 parts heaped at the origin were
  // drawn too: 267,000).
  expect(await page.evaluate(() => Math.max(...(window.__lfRender ?? []).map((f) => f.triangles)))).toBeLessThan(20_000);
  expect(await page.evaluate(() => !!document.querySelector('canvas')?.getContext('webgl2'))).toBe(true);
  // The engine runs in a Web Worker, off the thread that draws the frames.
  expect(page.workers().length).toBeGreaterThanOrEqual(1);
  await page.getByRole('button', { name: '60×' }).click();
  const clock = page.getByTestId('clock');
  const first = await clock.textContent();
  await expect(clock).not.toHaveText(first ?? '', { timeout: 10_000 });
  await expect(page.getByTestId('kpi-good')).not.toHaveText('0', { timeout: 30_000 });
  await expect(page.getByTestId('state-L1')).toHaveText(/Execute|Suspended/);
  await expect(page.locator('[data-label="L1"]')).toContainText('Lathe L1');
  await page.keyboard.press('Space');
  const paused = await clock.textContent();
  await page.waitForTimeout(600);
  await expect(clock).toHaveText(paused ?? '');
  await page.screenshot({ path: 'tests/artifacts/control-room.png' });
});
