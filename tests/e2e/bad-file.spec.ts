import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('a scenario file with errors shows them in plain words and changes nothing', async ({ page, guard }) => {
  void guard;
  await page.goto('/?library');
  const input = page.getByTestId('scenario-file');
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: readFileSync('tests/fixtures/bad-scenarios/negative-process-time.json'),
  });
  const error = page.getByTestId('file-error');
  await expect(error).toContainText('not a valid scenario');
  await expect(error).toContainText('line.stations[1].processTime: must be a positive duration');
  await input.setInputFiles({ name: 'syntax.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": 1,\n "id": oops }') });
  await expect(error).toContainText('line 2, column');
  // Still the library: nothing was loaded.
  await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/bad-file.png', fullPage: true });
  // A good file opens its briefing.
  await input.setInputFiles({ name: 'ok.json', mimeType: 'application/json', buffer: readFileSync('scenarios/stuck-sensor.json') });
  await expect(page.getByRole('heading', { name: /Over-temperature trip/ })).toBeVisible();
});

test('the language switch translates the control room and is remembered', async ({ page, guard }) => {
  void guard;
  await page.goto('/');
  await page.getByRole('button', { name: 'Norsk' }).click();
  await expect(page.getByRole('button', { name: 'Avslutt øvelsen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Alarmer' })).toBeVisible();
  await page.reload();
  // The run was autosaved: the page offers it back, in the remembered language.
  await page.getByTestId('resume').getByRole('button', { name: 'Fortsett' }).click();
  await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Alarms' })).toBeVisible();
});
