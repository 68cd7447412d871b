import { endDrill, expect, startScenario, test } from './fixtures';

/**
 * The dead-gauge drill through the faceplate: the sensor a diagnosis names and the one a repair
 * replaces are chosen where they are given. Both were the check's instrument, chosen further up
 * (or not at all): "Dead sensor" at the measuring station named its cycle time, the first
 * instrument, and the debrief judged the right diagnosis wrong.
 */
test('dead gauge: the diagnosis and the replacement each name their sensor, and the right ones are judged right', async ({ page, guard }) => {
  void guard;
  test.setTimeout(180_000);
  await startScenario(page, 'dead-gauge');
  const clock = page.getByTestId('clock');
  // The gauge's loop fails half an hour in: the measuring station holds its part.
  await expect.poll(async () => (await clock.textContent()) ?? '', { timeout: 90_000 }).toMatch(/00:3[1-9]:\d\d/);
  await page.keyboard.press('Space');
  await page.locator('.station-list [data-station="QC"]').click();
  const fp = page.getByTestId('faceplate');
  await expect(fp.getByTestId('faceplate-state')).toHaveText('Held');
  // The check's instrument starts on the first one, as before; it is not what a diagnosis names.
  await expect(fp.getByLabel('Instrument for the check')).toHaveValue('cycleTime');

  const declare = fp.getByRole('button', { name: 'Declare diagnosis' });
  await expect(fp.getByLabel('Sensor at fault')).toHaveCount(0);
  await fp.getByLabel('Suspected cause').selectOption('sensorDead');
  await expect(fp.getByLabel('Sensor at fault')).toHaveValue('');
  await expect(fp.getByLabel('Sensor at fault').locator('option:checked')).toHaveText('Which sensor?');
  await expect(declare).toBeDisabled();
  await fp.getByLabel('Sensor at fault').selectOption('dimension');
  await declare.click();
  await expect(page.getByTestId('toasts')).toContainText('Diagnosis recorded: Measuring station, Dead sensor (Measured dimension)');

  const carryOut = fp.getByRole('button', { name: 'Carry out' });
  await fp.getByLabel('repair').selectOption('replaceSensor');
  await expect(fp.getByLabel('Sensor to replace')).toHaveValue('');
  await expect(carryOut).toBeDisabled();
  await fp.getByLabel('Sensor to replace').selectOption('dimension');
  await carryOut.click();
  await expect(fp.getByTestId('faceplate-task')).toContainText(/Replace sensor \(Measured dimension\) · \d\d:\d\d left/);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('toasts')).toContainText('Replace sensor (Measured dimension)', { timeout: 60_000 });
  await expect(fp.getByTestId('faceplate-task')).toHaveCount(0);
  await page.keyboard.press('Space');
  // Held, not stopped: it is unheld, and runs on with its new sensor.
  await fp.getByRole('button', { name: 'Unhold' }).click();
  await expect(fp.getByTestId('refusal')).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect(fp.getByTestId('faceplate-state')).toHaveText(/Execute|Suspended/, { timeout: 20_000 });
  await page.keyboard.press('Space');
  await endDrill(page);
  await expect(page.getByTestId('debrief')).toBeVisible();
  // The loop-fault objective is judged on the declared cause: met.
  await expect(page.locator('.verdicts li').first()).toContainText('✓');
  await page.screenshot({ path: 'tests/artifacts/dead-gauge-debrief.png', fullPage: true });
});
