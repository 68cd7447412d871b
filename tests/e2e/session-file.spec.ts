import { readFileSync } from 'node:fs';
import { expect, startScenario, test } from './fixtures';

test('export a session, then check it in the library: it reproduces; an edited copy does not', async ({ page, guard, browser }) => {
  void guard;
  await startScenario(page, 'breakdown-drill');
  const alarm = page.locator('[data-alarm="M1.stopped"]');
  await expect(alarm).toBeVisible({ timeout: 30_000 });
  await alarm.getByRole('button', { name: 'Acknowledge' }).click();
  await page.keyboard.press('Space');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export session' }).click();
  const file = await (await downloading).path();
  const text = readFileSync(file, 'utf8');
  expect(text.length).toBeLessThan(200_000);

  await page.goto('/?library');
  const discard = page.getByTestId('resume').getByRole('button', { name: 'Discard it' });
  if (await discard.isVisible()) await discard.click();
  await page.getByTestId('session-file').setInputFiles({ name: 'homework.session.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('session-result')).toContainText('reproduces exactly');

  const edited = JSON.parse(text);
  edited.commands = [];
  await page.getByTestId('session-file').setInputFiles({ name: 'edited.session.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
  await expect(page.getByTestId('session-result')).toContainText('DOES NOT reproduce');
  await page.getByTestId('session-file').setInputFiles({ name: 'cut.session.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, 500)) });
  await expect(page.getByTestId('session-error')).toContainText('not valid JSON');

  // Another student's laptop: a fresh browser profile imports the file and replays it, verified.
  const fresh = await browser.newContext({ baseURL: 'http://127.0.0.1:4173', viewport: { width: 1280, height: 800 } });
  try {
    const other = await fresh.newPage();
    await other.goto('/?library');
    await expect(other.getByTestId('sessions')).toContainText('No sessions yet');
    await other.getByTestId('replay-file').setInputFiles({ name: 'homework.session.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(other.getByTestId('replay-verification')).toContainText('Reproduces exactly');
    await other.getByRole('button', { name: 'Close replay' }).click();
    await expect(other.locator('[data-testid="sessions"] tbody tr')).toHaveCount(1);
  } finally {
    await fresh.close();
  }
});
