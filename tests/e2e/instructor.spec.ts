import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('in instructor mode a fault can be started live; it is recorded and replays with the session', async ({ page, guard }) => {
  void guard;
  await page.goto('/?library');
  await page.getByTestId('instructor-toggle').check();
  await page.locator('[data-scenario="conveyor-jam"] [data-testid="open-scenario"]').click();
  await page.getByRole('button', { name: 'Start the shift' }).click();
  const panel = page.getByTestId('instructor-panel');
  await expect(panel).toContainText('Conveyor jam at Conveyor C2');
  // Well before its scheduled 12 minutes.
  await panel.locator('[data-fault="c2-jam"]').click();
  await expect(panel).toContainText('started');
  await expect(page.locator('[data-alarm="C2.stopped"]')).toBeVisible({ timeout: 20_000 });
  const clock = (await page.getByTestId('clock').textContent()) ?? '';
  expect(clock < '00:12:00').toBe(true);
  await page.keyboard.press('Space');
  await page.screenshot({ path: 'tests/artifacts/instructor-inject.png' });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export session' }).click();
  const file = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
  expect(file.commands.some((c: { type: string; fault?: string }) => c.type === 'injectFault' && c.fault === 'c2-jam')).toBe(true);

  // The exported session replays, verified, with the instructor's start on its timeline.
  await page.goto('/?library');
  const discard = page.getByTestId('resume').getByRole('button', { name: 'Discard it' });
  if (await discard.isVisible()) await discard.click();
  await page.getByTestId('replay-file').setInputFiles({ name: 'class.session.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByTestId('replay-verification')).toContainText('Reproduces exactly');
  await expect(page.locator('[data-lane="command"] .marker[title*="Instructor started fault Conveyor jam at Conveyor C2"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Close replay' }).click();

  // Students see no panel once instructor mode is off.
  await page.getByTestId('instructor-toggle').uncheck();
  await page.locator('[data-scenario="conveyor-jam"] [data-testid="open-scenario"]').click();
  await page.getByRole('button', { name: 'Start the shift' }).click();
  await expect(page.getByTestId('faceplate').or(page.getByText('Select a station'))).toBeVisible();
  await expect(page.getByTestId('instructor-panel')).toHaveCount(0);
});
