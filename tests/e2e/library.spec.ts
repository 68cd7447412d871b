import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('the library groups the curriculum by level, filters by topic, shows progress, suggests the next one, and has an instructor view', async ({ page, guard }) => {
  void guard;
  await page.goto('/?library');
  for (const level of ['intro', 'core', 'advanced', 'crisis']) await expect(page.locator(`[data-level="${level}"] .card`).first()).toBeVisible();
  expect(await page.locator('.card').count()).toBeGreaterThanOrEqual(16);
  await expect(page.getByTestId('next')).toContainText('Tutorial');

  // Topic filter.
  await page.getByTestId('topic-filter').selectOption('parallel machines');
  const filtered = await page.locator('.card').count();
  expect(filtered).toBeGreaterThanOrEqual(3);
  expect(filtered).toBeLessThan(10);
  await page.getByTestId('topic-filter').selectOption('');

  // Students do not see the teacher's notes unless the instructor view is on (and it is remembered).
  await expect(page.getByTestId('teacher-note')).toHaveCount(0);
  await page.getByTestId('instructor-toggle').check();
  await expect(page.locator('[data-scenario="conveyor-jam"] [data-testid="teacher-note"]')).toContainText('lock-out');
  await expect(page.locator('[data-scenario="conveyor-jam"] [data-testid="teacher-note"]')).toContainText('Conveyor jam at Conveyor C2');
  await expect(page.locator('[data-scenario="conveyor-jam"] [data-testid="teacher-note"]')).toContainText('Accepted fixes: Clear jam');
  await page.screenshot({ path: 'tests/artifacts/library-instructor.png', fullPage: true });
  await page.reload();
  await expect(page.getByTestId('teacher-note').first()).toBeVisible();
  await page.getByTestId('instructor-toggle').uncheck();

  // A passed session counts: best score and completion on the card.
  const golden = readFileSync('tests/golden/breakdown-drill.session.json', 'utf8');
  await page.getByTestId('replay-file').setInputFiles({ name: 'golden.session.json', mimeType: 'application/json', buffer: Buffer.from(golden) });
  await expect(page.getByTestId('replay-badge')).toBeVisible();
  await page.getByRole('button', { name: 'Close replay' }).click();
  await expect(page.locator('[data-scenario="breakdown-drill"] [data-testid="progress"]')).toContainText('Passed');
  await expect(page.locator('[data-scenario="breakdown-drill"] [data-testid="progress"]')).toContainText('98.6');
  await expect(page.locator('[data-scenario="conveyor-jam"] [data-testid="progress"]')).toContainText('Not tried');
  await page.screenshot({ path: 'tests/artifacts/library.png', fullPage: true });

  // A returning student (a session kept in this browser) opens the app on the library, not the tutorial.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
  await expect(page.locator('[data-scenario="breakdown-drill"] [data-testid="progress"]')).toContainText('Passed');
  await expect(page.getByTestId('clock')).toHaveCount(0);
});
