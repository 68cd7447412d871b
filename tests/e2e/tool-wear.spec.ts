import { endDrill, expect, startScenario, test } from './fixtures';

test('tool-wear drill: the SPC chart flags the drift, the tool is inspected and replaced', async ({ page, guard }) => {
  void guard;
  test.setTimeout(150_000);
  await startScenario(page, 'tool-wear-drift');
  await page.locator('.station-list [data-station="L1"]').click();
  const fp = page.getByTestId('faceplate');
  // Twenty minutes after the drift began (at 15 min) the chart must show it.
  const clock = page.getByTestId('clock');
  await expect.poll(async () => (await clock.textContent()) ?? '', { timeout: 90_000 }).toMatch(/00:(3[5-9]|[45]\d):\d\d/);
  await page.keyboard.press('Space');
  await expect(fp.getByTestId('spc-rules')).toContainText(/Rule [1-4]|Nelson/);
  const dim = Number.parseFloat((await fp.getByTestId('sensor-L1.dimension').textContent()) ?? '0');
  expect(dim).toBeGreaterThan(20.01);
  await page.screenshot({ path: 'tests/artifacts/tool-wear-spc.png' });
  // An individuals and a moving-range chart, each with its axes.
  await expect(fp.getByTestId('spc-i').locator('canvas')).toHaveCount(1);
  await expect(fp.getByTestId('spc-mr').locator('canvas')).toHaveCount(1);
  await fp.getByTestId('spc-chart').screenshot({ path: 'tests/artifacts/tool-wear-spc-chart.png' });

  await fp.getByRole('button', { name: 'Stop', exact: true }).click();
  for (let k = 0; k < 3; k++) await page.getByRole('button', { name: 'Step 1 s' }).click();
  await fp.getByRole('button', { name: 'Lock out / tag out' }).click();
  await fp.getByRole('button', { name: 'Inspect the tool' }).click();
  await page.keyboard.press('Space');
  await expect(fp.getByTestId('check-results')).toContainText('Flank wear', { timeout: 30_000 });
  // The notice gives the result and its limit, once ("Inspect the tool finished: Flank wear" before).
  await expect(page.getByTestId('toasts')).toContainText(/Lathe L1: Flank wear 0\.\d{3} mm after \d+ parts on this tool \(limit 0\.\d+ mm\)/);
  await page.keyboard.press('Space');
  await fp.getByLabel('Suspected cause').selectOption('toolWear');
  await fp.getByRole('button', { name: 'Declare diagnosis' }).click();
  await fp.getByLabel('repair').selectOption('replaceTool');
  await fp.getByRole('button', { name: 'Carry out' }).click();
  await expect(fp.getByTestId('faceplate-task')).toContainText('Replace tool');
  await page.keyboard.press('Space');
  await expect(fp.getByTestId('faceplate-task')).toHaveCount(0, { timeout: 30_000 });
  await page.keyboard.press('Space');
  await fp.getByRole('button', { name: 'Remove lock-out' }).click();
  await expect(fp.getByText('LOCKED OUT / TAGGED')).toHaveCount(0);
  await fp.getByRole('button', { name: 'Reset' }).click();
  await expect(fp.getByTestId('refusal')).toHaveCount(0);
  for (let k = 0; k < 3; k++) await page.getByRole('button', { name: 'Step 1 s' }).click();
  await fp.getByRole('button', { name: 'Start' }).click();
  await page.keyboard.press('Space');
  await expect(fp.getByTestId('faceplate-state')).toHaveText(/Execute|Suspended/, { timeout: 20_000 });
  // After the right fix the rules count again from the tool change: new parts raise no flag.
  await expect(fp.getByTestId('spc-restart')).toBeVisible();
  await page.getByRole('button', { name: '60×' }).click();
  const spcClock = (await clock.textContent()) ?? '';
  await expect.poll(async () => (await clock.textContent()) ?? '', { timeout: 30_000 }).not.toBe(spcClock);
  await expect.poll(async () => (await fp.getByTestId('spc-rules').textContent()) ?? '', { timeout: 30_000 }).toBe('No rule violated');
  await fp.getByTestId('spc-chart').screenshot({ path: 'tests/artifacts/tool-wear-spc-after-fix.png' });
  await page.keyboard.press('Space');
  await endDrill(page);
  await expect(page.getByTestId('debrief')).toBeVisible();
  await expect(page.locator('table.faults:not(.command-log):not(.seen-table) tbody tr')).toContainText('Tool wear');
  await page.screenshot({ path: 'tests/artifacts/tool-wear-debrief.png', fullPage: true });
});
