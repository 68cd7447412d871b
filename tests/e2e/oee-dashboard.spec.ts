import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { startGateway } from '../../src/gateway/gateway';
import { freePort } from '../server/processes';
import { endDrill, expect, test } from './fixtures';

/**
 * The drill "Build the OEE dashboard": a subscriber on the line's namespace (what a student's
 * Node-RED flow would be) works out Lathe L1's OEE from the published counters alone; the
 * student reports it in the control room, and the debrief holds it against the engine's own.
 */
test('Build the OEE dashboard: the OEE worked out from the published counters is reported and checked against the engine', async ({ page, guard }) => {
  void guard;
  test.setTimeout(180_000);
  const pki = mkdtempSync(join(tmpdir(), 'lf-pki-'));
  const g = await startGateway({ host: '127.0.0.1', mqttPort: 0, wsPort: 0, opcuaPort: await freePort(), pkiDir: pki });
  const values = new Map<string, { value: unknown; timestamp: string }>();
  const flow = await mqtt.connectAsync(g.mqttUrl);
  flow.on('message', (topic, payload) => {
    try {
      values.set(topic, JSON.parse(payload.toString()));
    } catch {
      // _meta/status is plain text
    }
  });
  await flow.subscribeAsync('learning-factory/school/lab/oee-dashboard/#', { qos: 1 });
  try {
    await page.goto('/?library');
    await page.locator('[data-scenario="oee-dashboard"] [data-testid="open-scenario"]').click();
    await page.getByRole('button', { name: 'Start the shift' }).click();
    await page.getByTestId('line-link-url').fill(g.wsUrl);
    await page.getByRole('button', { name: 'Use this address' }).click();
    await page.getByTestId('line-link-switch').check();
    await expect(page.getByTestId('line-link-status')).toContainText('Connected to');
    await page.getByRole('button', { name: '60×' }).click();
    // Past the lathe's breakdown (20 min): its OEE has lost availability.
    await expect.poll(async () => (await page.getByTestId('clock').textContent()) ?? '', { timeout: 60_000 }).toMatch(/^00:(2[6-9]|[3-5]\d):/);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForTimeout(1500);

    // The dashboard's arithmetic, from the namespace alone.
    const root = 'learning-factory/school/lab/oee-dashboard';
    const v = (topic: string) => values.get(`${root}/${topic}`)!.value as number;
    const start = Date.parse(values.get(`${root}/Line/ShiftStart`)!.value as string);
    const clock = ((await page.getByTestId('clock').textContent()) ?? '').split(':').map(Number);
    const planned = clock[0]! * 3600 + clock[1]! * 60 + clock[2]!;
    const good = v('L1/Admin/ProdProcessedCount') - v('L1/Admin/ProdDefectiveCount');
    const idealCycle = 60 / v('L1/Status/MachDesignSpeed');
    expect(idealCycle).toBe(40);
    expect(Number.isFinite(start)).toBe(true);
    const oee = (good * idealCycle) / planned;
    expect(oee).toBeGreaterThan(0.5);
    expect(oee).toBeLessThan(1);

    const form = page.getByTestId('report-oee-L1');
    await form.getByLabel('Your OEE for Lathe L1').fill((oee * 100).toFixed(1));
    await form.getByRole('button', { name: 'Report' }).click();
    await expect(form.getByRole('status')).toContainText(`Reported: ${(oee * 100).toFixed(1)} %`);
    await form.getByLabel('Your OEE for Lathe L1').fill('140');
    await expect(form).toContainText('Type a percentage from 0 to 100.');
    await expect(form.getByRole('button', { name: 'Report' })).toBeDisabled();

    await endDrill(page);
    await expect(page.getByTestId('debrief')).toBeVisible();
    const verdict = page.getByTestId('objective-verdicts').locator('li').nth(2);
    await expect(verdict).toContainText(`met: reported ${(oee * 100).toFixed(1)} % at`);
    await expect(verdict).toContainText('the line’s own figure was');
  } finally {
    await flow.endAsync(true);
    await g.close();
    rmSync(pki, { recursive: true, force: true });
  }
});
