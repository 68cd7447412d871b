import { endDrill, expect, startScenario, test } from './fixtures';

/**
 * The bad-lot drill through the faceplate: the scrap jump is tied to the lot change, the lot is
 * quarantined, and the lot field follows the lot the source then releases. It kept offering the
 * quarantined lot (quarantining it again is refused).
 */
test('bad material lot: diagnosed at the source, quarantined, and the lot field moves on to the next lot', async ({ page, guard }) => {
  void guard;
  test.setTimeout(180_000);
  await startScenario(page, 'bad-material-lot');
  const clock = page.getByTestId('clock');
  // The next lot comes in at 00:38:40; scrap jumps soon after.
  await expect.poll(async () => (await clock.textContent()) ?? '', { timeout: 90_000 }).toMatch(/00:(39:[3-5]|[4-5]\d:)\d/);
  await page.keyboard.press('Space');
  await page.locator('.station-list [data-station="RAW"]').click();
  const fp = page.getByTestId('faceplate');
  const current = fp.locator('dt:text-is("Material lot") + dd');
  await expect(current).toHaveText('LOT-B');
  await fp.getByLabel('Suspected cause').selectOption('badMaterialLot');
  await fp.getByRole('button', { name: 'Declare diagnosis' }).click();
  await expect(page.getByTestId('toasts')).toContainText('Diagnosis recorded: Castings, Bad material lot');

  await fp.getByLabel('Repair to carry out').selectOption('quarantineLot');
  const lot = fp.getByLabel('Lot to quarantine');
  await expect(lot).toHaveValue('LOT-B');
  await fp.getByRole('button', { name: 'Carry out' }).click();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('toasts')).toContainText('Castings: Quarantine lot (LOT-B) finished', { timeout: 60_000 });
  await page.keyboard.press('Space');
  // The source moved on to the next lot, and so did the field.
  await expect(current).toHaveText('LOT-C');
  await expect(lot).toHaveValue('LOT-C');
  // Its event log tells the quarantine before the lot it brought in (both at one instant).
  const log = (await fp.locator('.events li').allInnerTexts()).slice(-2);
  expect(log[0]).toMatch(/^\d\d:\d\d:\d\d · Quarantine lot \(LOT-B\) finished$/);
  expect(log[1]).toBe(`${log[0]!.slice(0, 8)} · Material lot LOT-C`);
  await endDrill(page);
  await expect(page.getByTestId('debrief')).toBeVisible();
  await expect(page.locator('.verdicts li').nth(2)).toContainText('✓ Quarantine the lot. — met: fixed by “Quarantine lot”');
});
