/**
 * Accessibility (WCAG 2.2 AA where it applies), checked by axe on every screen a student and an
 * instructor use, in both languages: no serious or critical violation.
 */
import { en } from '../../src/i18n/en';
import { nb } from '../../src/i18n/nb';
import { audit, expect, test, toBreakdownFaceplate } from './fixtures';

for (const lang of ['en', 'nb'] as const) {
  test(`no serious accessibility violation on any screen (${lang === 'en' ? 'English' : 'Norsk'})`, async ({ page, guard }) => {
    test.setTimeout(180_000);
    void guard;
    const T = lang === 'en' ? en : nb;
    await page.goto('/?library');
    if (lang === 'nb') {
      await page.evaluate(() => localStorage.setItem('lf.lang', 'nb'));
      await page.reload();
    }
    await toBreakdownFaceplate(page, T, (screen) => audit(page, screen === 'control room' ? 'control room with a faceplate open and an alarm active' : screen));
    await page.getByRole('button', { name: T['run.end'] }).click();
    await page.getByRole('button', { name: T['run.endYes'] }).click();
    await expect(page.getByTestId('debrief')).toBeVisible({ timeout: 30_000 });
    await audit(page, 'debrief');
    await page.getByRole('button', { name: T['debrief.again'] }).click();
    await page.getByTestId('replay-file').setInputFiles('tests/golden/breakdown-drill.session.json');
    await expect(page.getByTestId('replay-verification')).toBeVisible();
    await audit(page, 'replay');
    await page.getByRole('button', { name: T['replay.close'] }).click();
    const rows = page.locator('[data-testid="sessions"] tbody tr');
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByTestId('compare').click();
    await expect(page.getByTestId('compare-view')).toBeVisible();
    await audit(page, 'compare');
  });
}
