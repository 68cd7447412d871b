import { readFileSync } from 'node:fs';
import { endDrill, expect, startScenario, test } from './fixtures';

test('a reload mid-run loses nothing: the run is offered back at the same time with the same commands', async ({ page, guard }) => {
  void guard;
  await startScenario(page, 'breakdown-drill');
  const alarm = page.locator('[data-alarm="M1.stopped"]');
  await expect(alarm).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Space');
  await alarm.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(alarm).toContainText('Acknowledged');
  // A check finished before the reload: its notice was shown then, and is not news after it.
  await page.locator('.station-list [data-station="M1"]').click();
  await page.getByTestId('faceplate').getByRole('button', { name: 'Handheld measurement' }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByTestId('toasts')).toContainText('Mill M1: Handheld vibration', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByTestId('toasts').getByRole('button').click();
  await expect(page.getByTestId('toasts')).toHaveCount(0);
  const savedAt = (await page.getByTestId('clock').textContent()) ?? '';
  // Give the autosave its moment, then reload as if the tab had crashed.
  await page.waitForTimeout(500);
  await page.reload();
  const banner = page.getByTestId('resume');
  await expect(banner).toContainText('Breakdown on the mill');
  await expect(banner).toContainText(savedAt);
  // Above the library, not over it (at 1024 px it covered the header's offline status).
  await page.setViewportSize({ width: 1024, height: 768 });
  const bannerBox = (await banner.boundingBox())!;
  expect(bannerBox.y + bannerBox.height).toBeLessThanOrEqual((await page.getByTestId('offline-status').boundingBox())!.y);
  await banner.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('clock')).toHaveText(savedAt);
  // The rebuilt state is proven to be the saved one: same tick, same state hash.
  await expect(page.getByTestId('resumed')).toContainText('as saved');
  await expect(page.locator('[data-alarm="M1.stopped"]')).toContainText('Acknowledged');
  // The resumed log holds the finished check, but nothing new happened: no notice (it came up again).
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('toasts')).toHaveCount(0);
  // It carries on from there, and the restored log still earns the acknowledgement in the debrief.
  await endDrill(page);
  await expect(page.getByTestId('debrief')).toBeVisible();
  await expect(page.locator('table.faults tbody tr td').nth(3)).not.toHaveText('never');
});

test('the sessions list keeps each run with its score; rename, export and delete it', async ({ page, guard }) => {
  void guard;
  await startScenario(page, 'breakdown-drill');
  await expect(page.locator('[data-alarm="M1.stopped"]')).toBeVisible({ timeout: 30_000 });
  await endDrill(page);
  const score = (await page.getByTestId('score').textContent()) ?? '';
  await page.getByRole('button', { name: 'Back to the library' }).click();
  const row = page.locator('[data-testid="sessions"] tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Breakdown on the mill');
  await expect(row).toContainText(score);
  await page.screenshot({ path: 'tests/artifacts/sessions-list.png', fullPage: true });

  await row.getByRole('button', { name: 'Rename' }).click();
  await page.getByTestId('rename-input').fill('Ola, first try');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row.locator('.session-name')).toHaveText('Ola, first try');
  // Kept across a reload: it is in the browser's database, not in the page.
  await page.reload();
  await expect(page.locator('[data-testid="sessions"] tbody tr .session-name')).toHaveText('Ola, first try');

  const downloading = page.waitForEvent('download');
  await page.locator('[data-testid="sessions"] tbody tr').getByRole('button', { name: 'Export' }).click();
  const file = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
  expect(file.name).toBe('Ola, first try');
  expect(file.checkpoints.length).toBeGreaterThan(0);

  page.once('dialog', (d) => void d.accept());
  await page.locator('[data-testid="sessions"] tbody tr').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('sessions')).toContainText('No sessions yet');
});

test('ending a drill can run the rest of the shift first: the kept run lasts the whole shift', async ({ page, guard }) => {
  void guard;
  await startScenario(page, 'breakdown-drill');
  await expect(page.locator('[data-alarm="M1.stopped"]')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'End the drill' }).click();
  await page.getByTestId('end-confirm').getByRole('button', { name: 'Run on to the end of the shift' }).click();
  await expect(page.getByTestId('debrief')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Back to the library' }).click();
  const row = page.locator('[data-testid="sessions"] tbody tr');
  await expect(row).toHaveCount(1);
  // The breakdown drill's shift is two hours: the run was not cut where the student stopped.
  await expect(row).toContainText('02:00:00');
});

test('a run paused and reloaded at once, with no command since its last save, is offered back at the time it was paused', async ({ page, guard }) => {
  void guard;
  await startScenario(page, 'breakdown-drill');
  // At 60x: a few simulated minutes pass between two of the saves made every 3 s.
  await expect(page.getByTestId('clock')).toHaveText(/^00:0[4-9]/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  const pausedAt = (await page.getByTestId('clock').textContent()) ?? '';
  // No command since the run started: pausing itself keeps the run (saves come every 3 s).
  await page.waitForTimeout(300);
  await page.reload();
  await expect(page.getByTestId('resume')).toContainText(pausedAt);
  await page.getByTestId('resume').getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('resumed')).toContainText('as saved');
  // Paused, at the speed it went at (it came back at 1x).
  await expect(page.getByRole('button', { name: '60×' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // In Norwegian at 1440 px the note pushed the bar to two rows, which jumped back to one when
  // the note left: it takes the app name's line now, and the bar keeps its height.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'Norsk' }).click();
  await expect(page.getByTestId('resumed')).toContainText('som lagret');
  const barWithNote = (await page.locator('.topbar').boundingBox())!.height;
  // The note has been read once the run has gone on a while: it leaves the bar.
  await page.getByRole('button', { name: '60×' }).click();
  await page.getByRole('button', { name: 'Spill av' }).click();
  await expect(page.getByTestId('resumed')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.topbar .brand')).toHaveText('Læringsfabrikken');
  expect((await page.locator('.topbar').boundingBox())!.height).toBe(barWithNote);
});

test('a run whose offer is discarded is listed as abandoned at once, not in progress', async ({ page, guard }) => {
  void guard;
  await startScenario(page, 'breakdown-drill');
  await expect(page.getByTestId('clock')).toHaveText(/^00:0[1-9]/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(300);
  await page.reload();
  const row = page.locator('[data-testid="sessions"] tbody tr').first();
  await expect(row).toContainText('In progress');
  // The offer belongs to the library: it waits there while the scenario editor is open (it sat
  // above the editor's title).
  await page.locator('[data-scenario="dead-gauge"]').getByTestId('edit-copy').click();
  await expect(page.getByTestId('editor-close')).toBeVisible();
  await expect(page.getByTestId('resume')).toHaveCount(0);
  // A copy not yet saved: closing asks first.
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('editor-close').click();
  await expect(page.getByTestId('resume')).toBeVisible();
  await page.getByTestId('resume').getByRole('button', { name: 'Discard it' }).click();
  await expect(row).toContainText('Abandoned (not finished)');
});

test('a run kept with a score from earlier rules is scored again by today’s: the list and the drill’s card read today’s score', async ({ page, guard }) => {
  void guard;
  // Ended before the drill's fault: today that scores 0 (it once stood at 100, "passed").
  await startScenario(page, 'breakdown-drill');
  await page.getByRole('button', { name: 'Pause' }).click();
  await endDrill(page);
  await expect(page.getByTestId('score')).toHaveText('0');
  await page.getByRole('button', { name: 'Back to the library' }).click();
  const row = page.locator('[data-testid="sessions"] tbody tr');
  await expect(row).toContainText('Finished: 0 (Not passed)');
  // As a browser holds such a run from before: its score of then, and no word of the rules.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('learning-factory');
        open.onsuccess = () => {
          const tx = open.result.transaction('sessions', 'readwrite');
          const store = tx.objectStore('sessions');
          const all = store.getAll();
          all.onsuccess = () => {
            for (const s of all.result as { id: string; scoredWith?: number }[]) {
              const { scoredWith: _rules, ...before } = s;
              store.put({ ...before, score: 100, passed: true }, s.id);
            }
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.reload();
  // Scored again once the library opens: the list and the drill's card say what a replay would.
  await expect(row).toContainText('Finished: 0 (Not passed)', { timeout: 15_000 });
  await expect(page.locator('[data-scenario="breakdown-drill"]')).toContainText('Best score 0');
  await expect(page.locator('[data-scenario="breakdown-drill"]')).not.toContainText('Best score 100');
});
