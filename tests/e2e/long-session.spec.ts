/**
 * A long session (a hundred-station line over 200 simulated days) takes tens of seconds to
 * re-simulate: checking it and opening its replay show how far they are, the page stays
 * responsive, and Cancel stops the work at once with nothing lost.
 */
import { largeLineScenario } from '../../bench/large-line';
import { loadScenarioJson } from '../../src/scenario';
import { makeSession } from '../../src/session/session-file';
import { expect, test } from './fixtures';

const DAYS = 200;

function longSession(): string {
  const r = loadScenarioJson({ ...largeLineScenario(), duration: `${DAYS}d` });
  if (!r.ok) throw new Error('the large line does not load');
  const end = DAYS * 864_000;
  // The hash is not this run's: the work is cancelled long before it would be compared.
  return JSON.stringify(makeSession(r.scenario, r.scenario.seed, [], end, [{ tick: end, hash: '0123456789abcdef' }], { name: 'Long homework' }));
}

async function percent(page: import('@playwright/test').Page): Promise<number> {
  return Number.parseInt((await page.getByTestId('work-percent').textContent()) ?? '0', 10);
}

test('checking and replaying a long session show their progress and can be cancelled', async ({ page, guard }) => {
  test.setTimeout(120_000);
  void guard;
  const text = Buffer.from(longSession());
  await page.goto('/?library');

  // Checking the file: a bar that grows while the library stays usable, then Cancel.
  await page.getByTestId('session-file').setInputFiles({ name: 'long.session.json', mimeType: 'application/json', buffer: text });
  const bar = page.getByTestId('work-progress');
  await expect(bar).toBeVisible({ timeout: 15_000 });
  await expect(bar).toContainText('Re-simulating the session to check it');
  await expect.poll(() => percent(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  const first = await percent(page);
  await expect.poll(() => percent(page), { timeout: 30_000 }).toBeGreaterThan(first);
  // The page answers while the worker re-simulates: the instructor view switches at once.
  const started = Date.now();
  await page.getByLabel('Instructor view (teacher notes and hidden faults)').check();
  expect(Date.now() - started).toBeLessThan(2000);
  await page.getByLabel('Instructor view (teacher notes and hidden faults)').uncheck();
  await page.getByTestId('work-cancel').click();
  await expect(bar).toBeHidden();
  await expect(page.getByTestId('session-cancelled')).toContainText('Cancelled');
  await expect(page.getByTestId('session-result')).toHaveCount(0);

  // Opening it for replay: the control room says what it is doing and how far; Cancel goes back
  // to the library, where the imported session is kept.
  await page.getByTestId('replay-file').setInputFiles({ name: 'long.session.json', mimeType: 'application/json', buffer: text });
  await expect(bar).toBeVisible({ timeout: 15_000 });
  await expect(bar).toContainText('Re-simulating the session for replay');
  await expect.poll(() => percent(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: 'tests/artifacts/long-replay-progress.png' });
  await bar.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('sessions')).toBeVisible();
  await expect(page.locator('[data-testid="sessions"] tbody tr')).toHaveCount(1);
  await expect(page.locator('[data-testid="sessions"] tbody tr')).toContainText('Long homework');

  // The engine was restarted: a drill opens and runs as usual.
  await page.locator('[data-scenario="breakdown-drill"] [data-testid="open-scenario"]').click();
  await page.getByRole('button', { name: 'Start the shift' }).click();
  await expect(page.getByTestId('clock')).not.toHaveText('00:00:00', { timeout: 15_000 });
});
