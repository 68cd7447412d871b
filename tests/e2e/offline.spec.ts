/**
 * Self-study without a network: after one visit the app loads and a whole drill works offline
 * (library, briefing, run, debrief, replay); a new version is offered, never forced on a drill.
 */
import { execFileSync } from 'node:child_process';
import { endDrill, expect, startScenario, test } from './fixtures';
import { staticServer } from './static-server';

test('after one visit a whole drill works with the network off: library, briefing, run, debrief, replay', async ({ page, context, guard }) => {
  test.setTimeout(120_000);
  void guard;
  await page.goto('/?library');
  // The service worker has cached the app shell, every route, both workers and the scenarios.
  await expect(page.getByTestId('offline-status')).toContainText('Works offline', { timeout: 30_000 });

  await context.setOffline(true);
  // A browser without a network says so in navigator.onLine, and the app then asks no school
  // server; Chromium 150's emulation of offline forgets it at the next page load (onLine is
  // true again, with every request still failing), so the pages loaded from here say it too.
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false }));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
  await startScenario(page, 'breakdown-drill');
  const alarm = page.locator('[data-alarm="M1.stopped"]');
  await expect(alarm).toBeVisible({ timeout: 30_000 });
  await alarm.getByRole('button', { name: 'Acknowledge' }).click();
  // The 3D line drew offline too (its chunk and the engine worker came from the cache).
  await expect(page.locator('[data-label="M1"]')).toContainText('Mill M1');
  await endDrill(page);
  await expect(page.getByTestId('debrief')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('objective-verdicts')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await page.locator('[data-testid="sessions"] tbody tr').first().getByRole('button', { name: 'Replay' }).click();
  await expect(page.getByTestId('replay-verification')).toContainText('Reproduces exactly');
  await context.setOffline(false);
});

test('a new version is offered in the library, and not while a drill runs; taking it reloads into the new version', async ({ browser }) => {
  test.setTimeout(180_000);
  // A second build of the same version with another build id: a deploy while the student works.
  execFileSync('npx', ['vite', 'build', '--outDir', 'test-results/dist-next', '--emptyOutDir', '--logLevel', 'warn'], { env: { ...process.env, LF_BUILD: 'next' }, stdio: 'inherit' });
  const server = await staticServer('dist');
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const page = await context.newPage();
    await page.goto('/?library');
    await expect(page.getByTestId('offline-status')).toContainText('Works offline', { timeout: 30_000 });
    const first = await page.getByTestId('app-version').textContent();
    expect(first).not.toContain('+next');

    // A drill is running when the new version arrives: the offer waits, nothing reloads.
    await page.locator('[data-scenario="breakdown-drill"] [data-testid="open-scenario"]').click();
    await page.getByRole('button', { name: 'Start the shift' }).click();
    await expect(page.getByTestId('clock')).not.toHaveText('00:00:00', { timeout: 15_000 });
    server.serve('test-results/dist-next');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const offer = page.getByTestId('update-available');
    await expect(offer).toContainText('when you are back in the library', { timeout: 30_000 });
    await expect(offer.getByRole('button')).toHaveText(['Hide']);
    const clock = await page.getByTestId('clock').textContent();
    await expect(page.getByTestId('clock')).not.toHaveText(clock ?? '');
    // It sat over the alarm list for the rest of the drill: it can be put away until the library.
    await offer.getByRole('button', { name: 'Hide' }).click();
    await expect(offer).toHaveCount(0);

    // Back in the library the student takes it: the page reloads into the new build.
    await page.getByRole('button', { name: 'End the drill' }).click();
    await page.getByRole('button', { name: 'Yes, end the drill' }).click();
    await expect(page.getByTestId('debrief')).toBeVisible();
    await page.getByRole('button', { name: 'Back to the library' }).click();
    await expect(offer).toContainText('a new version of Learning Factory is ready');
    await offer.getByRole('button', { name: 'Update now' }).click();
    await expect(page.getByTestId('app-version')).toContainText('+next', { timeout: 30_000 });
    // The run ended before the update is kept.
    await expect(page.locator('[data-testid="sessions"] tbody tr')).toHaveCount(1);
  } finally {
    await context.close();
    await server.close();
  }
});
