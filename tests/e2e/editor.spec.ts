import { readFileSync } from 'node:fs';
import { audit, endDrill, expect, test } from './fixtures';

/**
 * The scenario editor as an instructor uses it (issue 13): a shipped drill copied and changed
 * without touching JSON, an error seen in place and fixed, the drill checked, saved, played
 * from the library to its debrief; the JSON tab edited and the graph following.
 */
test('copy the breakdown drill, change it, check it, save it and play it', async ({ page, guard }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?library');
  // An instructor's copy keeps the drill's faults (a student's is the line alone).
  await page.getByTestId('instructor-toggle').check();
  await page.locator('[data-scenario="breakdown-drill"]').getByTestId('edit-copy').click();
  const editor = page.getByTestId('scenario-editor');
  await expect(editor.getByTestId('editor-title')).toHaveText('Breakdown on the mill (copy)');
  await expect(editor.getByTestId('editor-errors')).toHaveText('No errors');
  await expect(page.getByTestId('graph-station')).toHaveCount(7);
  await audit(page, 'editor: line');

  // The breakdown moves from the mill to the lathe.
  await page.getByTestId('tab-faults').click();
  await page.getByTestId('fault-item').first().click();
  const props = page.getByTestId('fault-properties');
  await props.getByRole('combobox', { name: 'Station', exact: true }).selectOption('L1');
  await expect(page.getByTestId('fault-item').first()).toContainText('@ L1');
  // The texts that still name the mill are pointed out, and renamed only when asked.
  const moved = page.getByTestId('moved-notice');
  await expect(moved).toContainText('The fault is now at L1. These texts still name M1: Evidence 1.');
  // Undone, the fault is back at the mill and the offer goes; redone, it is back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('fault-item').first()).toContainText('@ M1');
  await expect(moved).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(moved).toContainText('These texts still name M1: Evidence 1.');
  await moved.getByRole('button', { name: 'Write L1 for M1 in them' }).click();
  await expect(moved).toHaveCount(0);
  // A second fault: the infeed conveyor jams at minute 40.
  await page.getByTestId('fault-type').selectOption('conveyorJam');
  await expect(page.getByTestId('fault-station')).toHaveValue('C1');
  await page.getByTestId('add-fault').click();
  await props.getByRole('textbox', { name: 'Starts: at a time' }).fill('40m');
  await expect(page.getByTestId('fault-item')).toHaveText([/Breakdown .* @ L1 · at 10 min/, /Conveyor jam @ C1 · at 40 min/]);
  await expect(page.getByTestId('fault-timeline')).toContainText('at 40 min');
  // The briefing's "Ten minutes into the shift" is the breakdown's, not the new fault's: nothing pointed out.
  await expect(page.getByTestId('retimed-notice')).toHaveCount(0);
  // The breakdown moves to minute 15: the briefing still telling minute 10 is pointed out, and rewritten when asked.
  await page.getByTestId('fault-item').first().click();
  await props.getByRole('textbox', { name: 'Starts: at a time' }).fill('15m');
  const retimed = page.getByTestId('retimed-notice');
  await expect(retimed).toContainText('The fault now begins at 15 min. These texts still say 10 min: Briefing.');
  await retimed.getByRole('button', { name: 'Write 15 min for 10 min in them' }).click();
  await expect(retimed).toHaveCount(0);
  await expect(page.getByTestId('fault-item')).toHaveText([/Breakdown .* @ L1 · at 15 min/, /Conveyor jam @ C1 · at 40 min/]);
  await audit(page, 'editor: faults');

  // The Norwegian briefing in the instructor's own words.
  await page.getByTestId('tab-texts').click();
  const briefingNb = 'Dreiebenken stopper etter ti minutter, og senere setter innmatingsbåndet seg fast. Finn feilene og få linjen i gang igjen.';
  await page.getByTestId('text-briefing-nb').fill(briefingNb);
  await audit(page, 'editor: texts');

  // A negative process time is an error where it was typed, and goes when it is fixed.
  await page.getByTestId('tab-line').click();
  await page.locator('[data-testid="graph-station"][data-station="M1"]').click();
  const time = page.getByTestId('properties').getByRole('textbox', { name: 'Process time *' });
  await time.fill('-5');
  await expect(page.getByTestId('properties')).toContainText('must be a positive duration like 45 (seconds) or "45s", "5m", "2h", "30d"; got -5');
  await expect(editor.getByTestId('editor-errors')).toHaveText('1 error to fix');
  await expect(page.locator('[data-testid="graph-station"][data-station="M1"]')).toContainText('⚠');
  await expect(page.getByTestId('check-drill')).toBeDisabled();
  await expect(page.getByTestId('line-preview')).toHaveText('The preview shows the line once it has no errors.');
  await time.fill('45s');
  // The 3D preview draws the line again, with the station labels the control room shows.
  await expect(page.getByTestId('line-preview').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('line-preview')).toContainText('Lathe L1', { timeout: 15_000 });
  await expect(page.getByTestId('properties')).not.toContainText('must be');
  await expect(editor.getByTestId('editor-errors')).toHaveText('No errors');
  await audit(page, 'editor: station form');

  // The drill check, in a worker.
  await page.getByTestId('check-drill').click();
  await expect(page.getByTestId('check-verdict')).toHaveText('The drill works: all four proofs hold.', { timeout: 60_000 });
  await expect(page.getByTestId('proof-noticeable')).toContainText('The fault on Lathe L1 shows');
  await expect(page.getByTestId('proof-noticeable')).toContainText('The fault on Infeed conveyor shows');
  await expect(page.getByTestId('proof-wrongScoresLower')).toContainText('The tempting wrong fix (Replace tool, General repair)');

  // The JSON tab: what is typed there, the graph shows.
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('editor-download').click()]);
  const downloaded = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { briefing: { en: string; nb: string }; faults: { station: string }[]; line: { stations: { id: string; name: unknown }[] } };
  expect(downloaded.briefing.nb).toBe(briefingNb);
  expect(downloaded.briefing.en).toMatch(/^Fifteen minutes into the shift the mill stops with a drive fault\./);
  expect(downloaded.faults.map((f) => f.station)).toEqual(['L1', 'C1']);
  expect(JSON.stringify(downloaded)).not.toMatch(/\bM1 goes to Held/);
  expect(JSON.stringify(downloaded)).toContain('L1 goes to Held with stop reason 258');
  downloaded.line.stations.find((s) => s.id === 'OUT')!.name = { en: 'Shipping', nb: 'Utsending' };
  await page.getByTestId('tab-json').click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(JSON.stringify(downloaded, null, 2));
  await page.getByTestId('tab-line').click();
  await expect(page.locator('[data-testid="graph-station"][data-station="OUT"]')).toContainText('Shipping');
  // Broken JSON says where, and the other tabs keep the last good version.
  await page.getByTestId('tab-json').click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(',');
  await expect(page.getByTestId('json-broken')).toContainText('Not valid JSON yet');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('json-broken')).toHaveCount(0);
  await audit(page, 'editor: json');

  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('editor-notice')).toHaveText('Saved in this browser');
  await page.getByTestId('editor-close').click();

  // The new drill is in the library, and plays to its debrief.
  const mine = page.locator('[data-testid="my-scenario"][data-scenario="breakdown-drill-copy"]');
  await expect(mine).toContainText('Breakdown on the mill (copy)');
  await mine.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('button', { name: 'Start the shift' }).click();
  await page.getByRole('button', { name: '60×' }).click();
  await expect(page.locator('[data-alarm="L1.stopped"]')).toBeVisible({ timeout: 60_000 });
  await endDrill(page);
  await expect(page.getByTestId('debrief')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('debrief')).toContainText('Breakdown (drive / machine fault)Lathe L1');
  expect(guard.errors).toEqual([]);
});

test('undo and redo, a new line from the palette, and the editor in Norwegian', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?library');
  await page.getByTestId('new-scenario').click();
  await expect(page.getByTestId('graph-station')).toHaveCount(3);
  await page.getByTestId('palette-buffer').click();
  await expect(page.getByTestId('graph-station')).toHaveCount(4);
  // A buffer with no connections is an error that names it.
  await expect(page.getByTestId('editor-errors')).not.toHaveText('No errors');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('graph-station')).toHaveCount(3);
  await expect(page.getByTestId('editor-errors')).toHaveText('No errors');
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('graph-station')).toHaveCount(4);
  // A station chosen from the keyboard: Tab to it on the graph, Enter.
  await page.locator('.react-flow__node[data-id="SRC1"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('properties').getByRole('heading')).toHaveText('Station SRC1 (Source)');
  // Connecting from the keyboard: the station's outputs list.
  await page.locator('[data-testid="graph-station"][data-station="M1"]').click();
  await page.getByTestId('connect-to').selectOption('B1');
  await page.locator('[data-testid="graph-station"][data-station="B1"]').click();
  await page.getByTestId('connect-to').selectOption('OUT1');
  await page.locator('[data-testid="graph-station"][data-station="M1"]').click();
  await page.getByTestId('properties').getByRole('button', { name: 'Remove connection' }).first().click();
  await expect(page.getByTestId('editor-errors')).toHaveText('No errors');
  // An alarm rule of the scenario's own, its message in both languages.
  await page.getByTestId('tab-alarms').click();
  await page.getByTestId('add-rule').click();
  await expect(page.getByTestId('rule-properties').getByRole('combobox', { name: 'Condition *' }).locator('option:checked')).toHaveText('reading above the limit');
  await page.getByTestId('rule-properties').getByRole('textbox', { name: 'Message * (English text)' }).fill('');
  await expect(page.getByTestId('rule-properties')).toContainText('en: must not be empty; got ""');
  await page.getByTestId('rule-properties').getByRole('textbox', { name: 'Message * (English text)' }).fill('Spindle too warm');
  await expect(page.getByTestId('editor-errors')).toHaveText('No errors');
  await audit(page, 'editor: alarms');
  // Played from the editor, the drill leads back to it, saved as it was played.
  await page.getByTestId('editor-play').click();
  await expect(page.locator('.briefing')).toHaveText('This scenario has no briefing.');
  await page.getByTestId('back-to-editor').click();
  await expect(page.getByTestId('graph-station')).toHaveCount(4);
  await expect(page.getByTestId('editor-saved')).toHaveText('Saved in this browser');
  await expect(page.getByTestId('editor-errors')).toHaveText('No errors');
  page.on('dialog', (d) => void d.accept());
  await page.getByTestId('editor-close').click();
  await page.getByRole('button', { name: 'Norsk' }).click();
  // A student's copy of a drill: the line, without the hidden fault.
  await page.locator('[data-scenario="dead-gauge"]').getByTestId('edit-copy').click();
  await page.getByTestId('tab-faults').click();
  await expect(page.getByTestId('fault-item')).toHaveCount(0);
  await page.getByTestId('editor-close').click();
  await page.getByTestId('instructor-toggle').check();
  await page.locator('[data-scenario="dead-gauge"]').getByTestId('edit-copy').click();
  await expect(page.getByTestId('tab-faults')).toHaveText('Feil');
  await page.getByTestId('tab-texts').click();
  await expect(page.getByRole('columnheader', { name: 'Norsk tekst (bokmål)' })).toBeVisible();
  await page.getByTestId('check-drill').click();
  await expect(page.getByTestId('check-verdict')).toHaveText('Drillen virker: alle fire bevisene holder.', { timeout: 60_000 });
  await expect(page.getByTestId('proof-noticeable')).toContainText('Feilen på Målestasjon');
  await audit(page, 'editor in Norwegian');
});

test('experiments on a line: replications with intervals, a sweep with the bottleneck, cancel', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?library');
  await page.locator('[data-scenario="reference-line5"]').getByTestId('edit-copy').click();
  await page.getByTestId('tab-experiment').click();
  await page.getByTestId('replications').fill('3');
  await page.getByTestId('run-experiment').click();
  await expect(page.getByTestId('experiment-result')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('figure-throughputPerHour')).toHaveText(/^\d+\.\d ± \d+\.\d$/);
  await expect(page.getByTestId('bottleneck')).toContainText('(in 3 of 3 runs)');
  await audit(page, 'editor: experiment');
  // A sweep of every buffer's capacity: more buffer, more throughput, and the bottleneck named at each point.
  await page.getByTestId('replications').fill('2');
  await page.getByTestId('sweep-parameter').selectOption('buffers.capacity');
  await page.getByTestId('sweep-from').fill('0');
  await page.getByTestId('sweep-to').fill('4');
  await page.getByTestId('sweep-step').fill('4');
  await page.getByTestId('run-sweep').click();
  await expect(page.getByTestId('sweep-point')).toHaveCount(2, { timeout: 120_000 });
  const rows = await page.getByTestId('sweep-point').allInnerTexts();
  const throughput = rows.map((r) => Number(r.split('\t')[1]!.split(' ± ')[0]));
  expect(throughput[1]!).toBeGreaterThan(throughput[0]!);
  for (const r of rows) expect(r.trim().split('\t').pop()).toMatch(/\S/);
  // Each figure drawn against the parameter, with its interval.
  for (const f of ['throughputPerHour', 'wipAverage', 'leadTimeSeconds', 'oee']) await expect(page.getByTestId(`sweep-chart-${f}`).locator('.whisker')).toHaveCount(2);
  // A long experiment can be cancelled.
  await page.getByTestId('replications').fill('200');
  await page.getByTestId('run-experiment').click();
  await expect(page.getByTestId('cancel-experiment')).toBeVisible();
  await page.getByTestId('cancel-experiment').click();
  await expect(page.getByTestId('cancel-experiment')).toHaveCount(0);
  await expect(page.getByTestId('run-experiment')).toBeEnabled();
});
