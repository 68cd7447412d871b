import { expect, test } from './fixtures';
import { instructorWithClass, type School, startSchool, studentIn } from './school-server';

let school: School;
test.beforeAll(async () => { school = await startSchool(); });
test.afterAll(async () => { await school.close(); });

test('shots', async ({ browser }) => {
  test.setTimeout(300_000);
  const { teacher, card, joinCode } = await instructorWithClass(school, browser, 'Shot Teacher', 'a classroom password', 'Automation 3A');
  const ada = await studentIn(school, browser, joinCode, 'Ada Lovelace-Bergersen');
  await ada.locator('[data-scenario="breakdown-drill"] button').click();
  await ada.getByRole('button', { name: 'Start the shift' }).click();
  await ada.getByRole('button', { name: '60×' }).click();
  await expect(ada.locator('[data-alarm="M1.stopped"]')).toBeVisible({ timeout: 60_000 });
  await card.getByRole('button', { name: 'Watch the class live' }).click();
  const row = card.getByTestId('live-row').filter({ hasText: 'Ada' });
  await expect(row.getByTestId('live-line')).toContainText('Mill', { timeout: 15000 });
  const [follow] = await Promise.all([teacher.context().waitForEvent('page'), row.getByTestId('live-follow').click()]);
  await expect(follow.getByTestId('live-tail')).toHaveText(/Live/, { timeout: 30_000 });
  await follow.getByTestId('follow-message').fill('Look at the stack light on the mill, then check the drive before you repair anything.');
  await follow.getByRole('button', { name: 'Send' }).click();
  await expect(ada.getByTestId('instructor-message')).toBeVisible({ timeout: 15000 });
  for (const [w, h] of [[1024, 768], [1440, 900], [1920, 1080]] as const) {
    for (const lang of ['en', 'nb']) {
      for (const [p, name] of [[follow, 'follow'], [ada, 'student'], [teacher, 'live']] as const) {
        await p.setViewportSize({ width: w, height: h });
        const btn = p.getByRole('button', { name: lang === 'nb' ? 'Norsk' : 'English' });
        if (await btn.count()) await btn.first().click();
        await p.waitForTimeout(500);
        await p.screenshot({ path: `/tmp/shots/${name}-${w}-${lang}.png` });
      }
    }
  }
});
