/**
 * A first visit gets a short tour of the control room (3D line, alarms, faceplate, SPC chart)
 * ending in the tutorial drill; it can be skipped, is remembered, and comes back from the help.
 */
import { endDrill, expect, test } from './fixtures';

test('the first visit tours the control room, points at each part, ends in the tutorial and is remembered', async ({ page, guard }) => {
  void guard;
  await page.goto('/');
  const tour = page.getByTestId('tour');
  await expect(tour).toContainText('Tour 1 of 5');
  await expect(tour.getByRole('heading', { name: 'The line in 3D' })).toBeVisible();
  await expect(page.locator('.line-view.tour-focus')).toHaveCount(1);
  await tour.getByRole('button', { name: 'Next' }).click();
  await expect(tour.getByRole('heading', { name: 'The alarm list' })).toBeVisible();
  await expect(page.locator('#alarms.tour-focus')).toHaveCount(1);
  await expect(page.locator('.line-view.tour-focus')).toHaveCount(0);
  await tour.getByRole('button', { name: 'Next' }).click();
  await expect(tour.getByRole('heading', { name: 'The faceplate' })).toBeVisible();
  // A faceplate is open to point at (an empty one was a thin outlined strip) ...
  await expect(page.getByTestId('faceplate')).toHaveClass(/tour-focus/);
  await expect(page.getByTestId('faceplate')).toContainText('Lathe L1');
  await tour.getByRole('button', { name: 'Next' }).click();
  await expect(tour.getByRole('heading', { name: 'The SPC chart' })).toBeVisible();
  // ... and an SPC chart (the lathe measures its own parts), scrolled into view.
  await expect(page.getByTestId('spc-chart')).toHaveClass(/tour-focus/);
  await expect(page.getByTestId('spc-chart')).toBeInViewport();
  await tour.getByRole('button', { name: 'Back' }).click();
  await expect(tour.getByRole('heading', { name: 'The faceplate' })).toBeVisible();
  await expect(page.getByTestId('faceplate').getByRole('heading', { name: 'Lathe L1' })).toBeInViewport();
  await tour.getByRole('button', { name: 'Next' }).click();
  await tour.getByRole('button', { name: 'Next' }).click();
  await expect(tour.getByRole('heading', { name: 'Your first drill' })).toBeVisible();
  await tour.getByRole('button', { name: 'Start the tutorial' }).click();
  await expect(tour).toBeHidden();
  // Remembered: the tutorial opened again from the library has no tour.
  await page.goto('/?library');
  const discard = page.getByTestId('resume').getByRole('button', { name: 'Discard it' });
  if (await discard.isVisible()) await discard.click();
  await page.locator('[data-scenario="tutorial-line"] [data-testid="open-scenario"]').click();
  await page.getByRole('button', { name: 'Start the shift' }).click();
  await expect(page.getByTestId('clock')).toBeVisible();
  await expect(tour).toHaveCount(0);
  // The keyboard help brings it back; Skip ends it.
  await page.keyboard.press('?');
  await page.getByTestId('help-panel').getByRole('button', { name: 'Show the tour again' }).click();
  await expect(tour).toContainText('Tour 1 of 5');
  await page.getByTestId('tour-skip').click();
  await expect(tour).toBeHidden();
  // The tutorial has no faults: its debrief says so in a sentence, not with an empty table.
  await endDrill(page);
  await expect(page.getByTestId('no-faults')).toHaveText('Nothing: this drill has no faults.');
  await expect(page.locator('table.faults')).toHaveCount(0);
  // Nothing scores its objectives: said once ("not judged: not judged automatically" before), and a
  // student at home, with no instructor to ask, checks themself against the drill's answers.
  await expect(page.getByTestId('objective-verdicts').locator('li').first()).toHaveText(
    '○ Name the PackML state of every station. — not judged: check yourself against the answers below, or talk it through with your instructor',
  );
  await expect(page.getByTestId('self-check')).toContainText('Check yourself');
  await expect(page.getByTestId('self-check').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('self-check')).toContainText('The constraint is the mill M1');
});
