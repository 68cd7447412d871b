import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttributeIds, OPCUAClient } from 'node-opcua';
import { startGateway } from '../../src/gateway/gateway';
import { freePort } from '../server/processes';
import { audit, endDrill, expect, test } from './fixtures';

/**
 * The drill "The HMI is down", played as a student would with the screens dark: the line found
 * and run through OPC UA alone (UaExpert here is node-opcua's client), the cause written in the
 * logbook, and the debrief crediting the PackML commands that came over OPC UA.
 */
test('the HMI is down: find the aborted stations over OPC UA, bring them back with PackML methods, and the debrief credits it', async ({ page, guard }) => {
  void guard;
  test.setTimeout(180_000);
  const pki = mkdtempSync(join(tmpdir(), 'lf-pki-'));
  const g = await startGateway({ host: '127.0.0.1', mqttPort: 0, wsPort: 0, opcuaPort: await freePort(), pkiDir: pki });
  const client = OPCUAClient.create({ endpointMustExist: false, connectionStrategy: { maxRetry: 2, initialDelay: 100 } });
  try {
    await page.goto('/?library');
    await page.locator('[data-scenario="hmi-down"] [data-testid="open-scenario"]').click();
    await page.getByRole('button', { name: 'Start the shift' }).click();
    // The screens are dark: no 3D view, no station list, no alarms, no faceplate.
    await expect(page.getByTestId('hmi-down')).toContainText('The control room’s screens are down');
    await expect(page.getByTestId('line-view')).toHaveCount(0);
    await expect(page.locator('#alarms')).toHaveCount(0);
    await audit(page, 'the control room with its screens dark');
    await page.getByTestId('line-link-url').fill(g.wsUrl);
    await page.getByRole('button', { name: 'Use this address' }).click();
    await page.getByTestId('line-link-switch').check();
    await expect(page.getByTestId('line-link-status')).toContainText('Connected to');
    await page.getByRole('button', { name: '60×' }).click();

    await client.connect(g.opcuaEndpoint);
    const session = await client.createSession();
    const root = 'learning-factory/school/lab/hmi-down';
    const node = (path: string) => `ns=1;s=${root}/${path}`;
    const read = async (path: string) => (await session.read({ nodeId: node(path), attributeId: AttributeIds.Value })).value.value as number;
    const stations = ['RAW', 'CNC1', 'B1', 'PAL', 'ROB', 'CNC2', 'QC', 'OUT'];
    // Watch every station's StateCurrent until some go to 9 (Aborted), as a student would in the Data Access view.
    let aborted: string[] = [];
    await expect
      .poll(
        async () => {
          aborted = [];
          for (const st of stations) if ((await read(`${st}/Status/StateCurrent`).catch(() => 0)) === 9) aborted.push(st);
          return aborted.length;
        },
        { timeout: 60_000, intervals: [500] },
      )
      .toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    aborted = [];
    for (const st of stations) if ((await read(`${st}/Status/StateCurrent`)) === 9) aborted.push(st);
    expect(aborted).toEqual(['CNC1', 'ROB', 'CNC2']);
    for (const st of aborted) {
      expect(await read(`${st}/Admin/StopReason/ID`)).toBe(260);
      expect(String(await read(`${st}/Admin/StopReason/Value`))).toMatch(/power/i);
    }
    await page.getByRole('button', { name: '1×' }).click();

    // The logbook: the cause, written down.
    await page.getByTestId('logbook-station').selectOption('CNC1');
    await page.getByTestId('logbook-cause').selectOption('powerDip');
    await page.getByRole('button', { name: 'Declare diagnosis' }).click();

    const call = async (st: string, method: string) => {
      const r = await session.call({ objectId: node(`${st}/Command`), methodId: node(`${st}/Command/${method}`), inputArguments: [] });
      return { ok: r.statusCode.isGood(), reason: String(r.outputArguments?.[0]?.value ?? '') };
    };
    // Start before the abort is cleared: refused, with the reason in words.
    const early = await call('CNC1', 'Start');
    expect(early.ok).toBe(false);
    expect(early.reason.length).toBeGreaterThan(10);
    const waitFor = async (st: string, state: number) => expect.poll(() => read(`${st}/Status/StateCurrent`), { timeout: 30_000, intervals: [250] }).toBe(state);
    for (const st of aborted) expect(await call(st, 'Clear')).toEqual({ ok: true, reason: 'Accepted' });
    for (const st of aborted) await waitFor(st, 2);
    for (const st of aborted) expect((await call(st, 'Reset')).ok).toBe(true);
    for (const st of aborted) await waitFor(st, 4);
    for (const st of aborted) expect((await call(st, 'Start')).ok).toBe(true);
    await expect.poll(async () => [5, 6].includes(await read('CNC2/Status/StateCurrent')), { timeout: 30_000 }).toBe(true);
    await session.close();

    await page.getByRole('button', { name: '60×' }).click();
    await page.waitForTimeout(3000);
    await endDrill(page);
    await expect(page.getByTestId('debrief')).toBeVisible();
    const verdicts = page.getByTestId('objective-verdicts').locator('li');
    await expect(verdicts).toHaveCount(4);
    await expect(verdicts.nth(2)).toContainText(/met: \d+ PackML commands? brought the line back, all through OPC UA/);
    await expect(page.getByTestId('verdict')).toHaveText('Passed');
  } finally {
    await client.disconnect();
    await g.close();
    rmSync(pki, { recursive: true, force: true });
  }
});
