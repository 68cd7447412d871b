import { readFileSync } from 'node:fs';
import { endDrill, expect, test } from './fixtures';

const golden = readFileSync('tests/golden/breakdown-drill.session.json', 'utf8');

/** The timeline's slider carries the replayed tick exactly (the clock shows whole seconds). */
async function tickOf(page: import('@playwright/test').Page): Promise<number> {
  return Number(await page.getByTestId('timeline-track').getAttribute('aria-valuenow'));
}

test('an instructor imports a session in a fresh profile, seeks, steps, annotates, presents and takes over', async ({ page, guard }) => {
  void guard;
  await page.goto('/?library');
  await expect(page.getByTestId('sessions')).toContainText('No sessions yet');
  await page.getByTestId('replay-file').setInputFiles({ name: 'golden.session.json', mimeType: 'application/json', buffer: Buffer.from(golden) });

  // Replay opens read-only, verified by re-simulation, with its score.
  await expect(page.getByTestId('replay-badge')).toBeVisible();
  await expect(page.getByTestId('replay-verification')).toContainText('Reproduces exactly');
  await expect(page.getByTestId('replay-score')).toContainText('Passed');
  await expect(page.locator('canvas')).toBeVisible();
  expect(await tickOf(page)).toBe(0);

  // Seek by clicking the middle of the timeline, then step tick by tick both ways.
  const track = page.getByTestId('timeline-track');
  const box = (await track.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => tickOf(page)).toBeGreaterThan(30_000);
  const mid = await tickOf(page);
  expect(mid).toBeLessThan(42_000);
  await page.getByTestId('tick-forward').click();
  await expect.poll(() => tickOf(page)).toBe(mid + 1);
  await page.getByTestId('tick-back').click();
  await page.getByTestId('tick-back').click();
  await expect.poll(() => tickOf(page)).toBe(mid - 1);
  // Drag back to the first minutes: the alarm of the breakdown is in the list there.
  const now = (await track.boundingBox())!;
  expect(Math.abs(now.y - box.y), 'the timeline stays where it is while alarms come and go').toBeLessThan(2);
  await page.mouse.move(box.x + box.width / 2, box.y + 5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.2, box.y + 5, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.088, box.y + 5, { steps: 4 });
  await page.mouse.up();
  // The breakdown starts at 6,000 and the student acknowledges at 6,600.
  await expect.poll(() => tickOf(page)).toBeLessThan(6_600);
  expect(await tickOf(page)).toBeGreaterThan(6_000);
  await expect(page.locator('[data-alarm="M1.stopped"]')).toBeVisible();

  // Read-only: the faceplate's controls are disabled, the alarm cannot be acknowledged here.
  await page.locator('[data-alarm="M1.stopped"]').getByRole('button').first().click();
  await expect(page.getByTestId('faceplate')).toBeVisible();
  await expect(page.getByTestId('faceplate').getByRole('button', { name: 'Stop' })).toBeDisabled();
  await expect(page.locator('[data-alarm="M1.stopped"]').getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);

  // The truth, on the instructor's choice: the fault and its lane on the timeline.
  await expect(page.getByTestId('truth')).toHaveCount(0);
  await page.getByTestId('truth-toggle').check();
  await expect(page.getByTestId('truth')).toContainText('ACTIVE');
  // Where, by the station's name (it showed the id: "@ M1").
  await expect(page.getByTestId('truth')).toContainText('at Mill M1');
  await expect(page.locator('[data-lane="fault"] .marker')).not.toHaveCount(0);

  // A note at this tick, on the timeline and in presenter mode.
  await page.getByTestId('note-text').fill('M1 stopped: what should the first check be?');
  await page.getByTestId('add-note').click();
  await expect(page.getByTestId('notes')).toContainText('what should the first check be?');
  await expect(page.locator('[data-lane="note"] .marker')).toHaveCount(1);
  await page.getByTestId('presenter-toggle').check();
  await expect(page.getByTestId('presenter-note')).toContainText('first check');
  await page.screenshot({ path: 'tests/artifacts/replay-presenter.png' });
  await page.getByTestId('presenter-toggle').uncheck();

  // Export with notes: the file carries them and still verifies.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export with notes' }).click();
  const exported = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
  expect(exported.notes).toHaveLength(1);
  expect(exported.checkpoints).toEqual(JSON.parse(golden).checkpoints);

  // Play a little, then take over: a live run from this very tick.
  await page.getByRole('button', { name: '60×' }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => tickOf(page)).toBeGreaterThan(6_500);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const at = await tickOf(page);
  await page.screenshot({ path: 'tests/artifacts/replay.png' });
  await page.getByTestId('take-over').click();
  await expect(page.getByTestId('replay-badge')).toHaveCount(0);
  await expect(page.getByTestId('branch-of')).toContainText('Branch of');
  const clockText = await page.getByTestId('clock').textContent();
  const [h, m, s] = clockText!.split(':').map(Number);
  expect(h! * 36000 + m! * 600 + s! * 10).toBe(Math.floor(at / 10) * 10);
  // Live again: the student can act (acknowledge is back) and time runs.
  await expect(page.getByRole('button', { name: 'E-STOP' })).toBeEnabled();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByTestId('clock')).not.toHaveText(clockText!);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();

  // Both are in the sessions list; they compare side by side.
  await endDrill(page);
  await expect(page.getByTestId('debrief')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the library' }).click();
  const rows = page.locator('[data-testid="sessions"] tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('sessions')).toContainText('golden: breakdown drill');
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByTestId('compare').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expect(page.getByTestId('score-a')).not.toBeEmpty();
  await expect(page.getByTestId('score-b')).not.toBeEmpty();
  await expect(page.locator('.compare-chart')).toHaveCount(3);
  // Runs of one drill read alike: the legend says when the run made here began.
  await expect(page.locator('p.legend')).toContainText(/started \d/);
  await page.screenshot({ path: 'tests/artifacts/compare.png', fullPage: true });
});

test('a corrupted and a truncated session file each get a clear message, and nothing is lost', async ({ page, guard }) => {
  void guard;
  await page.goto('/?library');
  const bad = JSON.parse(golden);
  bad.commands[2].tick = 'soon';
  await page.getByTestId('replay-file').setInputFiles({ name: 'corrupted.session.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByTestId('file-error')).toContainText('commands[2]');
  await page.getByTestId('replay-file').setInputFiles({ name: 'cut.session.json', mimeType: 'application/json', buffer: Buffer.from(golden.slice(0, 900)) });
  await expect(page.getByTestId('file-error')).toContainText('not valid JSON');
  await expect(page.getByTestId('sessions')).toContainText('No sessions yet');
});
