import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { decodePayload } from 'sparkplug-payload/lib/sparkplugbpayload.js';
import { startGateway } from '../../src/gateway/gateway';
import { expect, startScenario, test } from './fixtures';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0));
    });
  });

/** A gateway on free loopback ports, and an MQTT tool listening to `filters` with what it has seen. */
async function gatewayWithTool(filters: string[]) {
  const pki = mkdtempSync(join(tmpdir(), 'lf-pki-'));
  const g = await startGateway({ host: '127.0.0.1', mqttPort: 0, wsPort: 0, opcuaPort: await freePort(), pkiDir: pki });
  const seen: { topic: string; text: string; raw: Uint8Array }[] = [];
  const tool = await mqtt.connectAsync(g.mqttUrl);
  tool.on('message', (topic, payload) => seen.push({ topic, text: payload.toString(), raw: new Uint8Array(payload) }));
  await tool.subscribeAsync(filters, { qos: 1 });
  const close = async () => {
    await tool.endAsync(true);
    await g.close();
    rmSync(pki, { recursive: true, force: true });
  };
  return { g, seen, tool, close };
}

test('Connect the line: off by default, then an MQTT client sees the line and stops a machine through it', async ({ page, guard }) => {
  void guard;
  test.setTimeout(120_000);
  const { g, seen, tool, close } = await gatewayWithTool(['learning-factory/#', 'spBv1.0/#']);
  try {
    await startScenario(page, 'breakdown-drill');
    const panel = page.getByTestId('line-link');
    await expect(panel.getByTestId('line-link-status')).toHaveText('Off: nothing is sent.');
    await expect(panel.getByTestId('line-link-switch')).not.toBeChecked();
    await page.waitForTimeout(1000);
    expect(seen, 'nothing is sent while the switch is off').toEqual([]);

    // A wrong address is told in words; the right one connects.
    await panel.getByTestId('line-link-url').fill(`http://127.0.0.1:${new URL(g.wsUrl).port}`);
    await panel.getByRole('button', { name: 'Use this address' }).click();
    await panel.getByTestId('line-link-switch').check();
    await expect(panel.getByTestId('line-link-status')).toContainText('must start with ws://');
    await panel.getByTestId('line-link-url').fill(g.wsUrl);
    await panel.getByRole('button', { name: 'Use this address' }).click();
    const root = 'learning-factory/school/lab/breakdown-drill';
    await expect(panel.getByTestId('line-link-status')).toContainText(`Connected to ${g.wsUrl}. Topics: ${root}/…`);
    await expect(panel.getByTestId('line-link-opcua')).toHaveText(`OPC UA: ${g.opcuaEndpoint} (security None, anonymous); the line is Objects › breakdown-drill.`);

    const last = (topic: string) => seen.findLast((m) => m.topic === `${root}/${topic}`);
    await expect.poll(() => last('M1/Status/StateCurrent')?.text ?? '').toContain('"value":');
    await expect.poll(() => Number(JSON.parse(last('OUT/Admin/ProdProcessedCount')?.text ?? '{"value":0}').value), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(JSON.parse(last('_meta/model')!.text).stations.map((s: { id: string }) => s.id)).toContain('M1');

    // A command from the tool is applied by the browser's engine and answered.
    await tool.publishAsync(`${root}/L1/cmd/Stop`, '{"id": "e2e-1"}', { qos: 1 });
    await expect.poll(() => last('L1/cmd/Stop/result')?.text ?? '').toBe('{"id":"e2e-1","accepted":true,"reason":""}');
    await expect(page.getByTestId('state-L1')).toHaveText(/Stopping|Stopped/);
    await expect.poll(() => JSON.parse(last('L1/Status/StateCurrent')?.text ?? '{}').text).toBe('Stopped');

    // Sparkplug B as well, on a second connection: the line is an edge node, each station a device.
    await panel.getByTestId('line-link-sparkplug').check();
    await expect.poll(() => seen.some((m) => m.topic === 'spBv1.0/learning-factory/NBIRTH/school-lab-breakdown-drill')).toBe(true);
    await expect.poll(() => seen.some((m) => m.topic === 'spBv1.0/learning-factory/DBIRTH/school-lab-breakdown-drill/M1')).toBe(true);
    const birth = decodePayload(new Uint8Array(Buffer.from(seen.find((m) => m.topic.endsWith('/DBIRTH/school-lab-breakdown-drill/M1'))!.raw)));
    expect(birth.metrics!.map((m) => m.name)).toEqual(expect.arrayContaining(['Status/StateCurrent', 'Admin/ProdProcessedCount', 'Command/Start']));
    await expect(panel.getByTestId('line-link-status')).toContainText('Connected to');

    // Switched off: the line says it is offline and nothing more is sent.
    await panel.getByTestId('line-link-switch').uncheck();
    await expect(panel.getByTestId('line-link-status')).toHaveText('Off: nothing is sent.');
    await expect.poll(() => last('_meta/status')?.text).toBe('offline');
    await expect.poll(() => seen.some((m) => m.topic === 'spBv1.0/learning-factory/NDEATH/school-lab-breakdown-drill')).toBe(true);
    const count = seen.length;
    await page.waitForTimeout(1000);
    expect(seen.length).toBe(count);
    // The address is remembered in this browser; the switch stays off until switched on again.
    expect(await page.evaluate('JSON.parse(localStorage.getItem("lf.lineLink"))')).toEqual({ on: false, url: g.wsUrl, sparkplug: true, line: '' });
  } finally {
    await close();
  }
});

test('a replayed session is served read-only: the tools see the line, and a command is refused', async ({ page, guard }) => {
  void guard;
  test.setTimeout(120_000);
  const { g, seen, tool, close } = await gatewayWithTool(['learning-factory/#']);
  try {
    // Switched on in an earlier visit: the setting is remembered.
    await page.addInitScript(`localStorage.setItem('lf.lineLink', JSON.stringify({ on: true, url: '${g.wsUrl}', sparkplug: false }))`);
    await page.goto('/?library');
    await page.getByTestId('replay-file').setInputFiles({ name: 'golden.session.json', mimeType: 'application/json', buffer: readFileSync('tests/golden/breakdown-drill.session.json') });
    await expect(page.getByTestId('replay-badge')).toBeVisible();
    const root = 'learning-factory/school/lab/breakdown-drill';
    await expect(page.getByTestId('line-link-status')).toContainText(`The replay is served read-only under ${root}/…`);
    const last = (topic: string) => seen.findLast((m) => m.topic === `${root}/${topic}`);
    await expect.poll(() => last('_meta/model')?.text ?? '').toContain('"readOnly":true');
    await expect.poll(() => last('M1/Status/StateCurrent')?.text ?? '').toContain('"value"');
    await tool.publishAsync(`${root}/M1/cmd/Stop`, '{"id": "r1"}', { qos: 1 });
    await expect.poll(() => last('M1/cmd/Stop/result')?.text ?? '').toBe('{"id":"r1","accepted":false,"reason":"This line is a replay: it takes no commands."}');
  } finally {
    await close();
  }
});

test('two students on one gateway with the same drill: the second is not mixed into the first line, and publishes once it names its own', async ({ page, browser, guard }) => {
  void guard;
  test.setTimeout(120_000);
  const { g, seen, tool, close } = await gatewayWithTool(['learning-factory/#']);
  const other = await (await browser.newContext({ baseURL: test.info().project.use.baseURL ?? 'http://127.0.0.1:4173' })).newPage();
  try {
    const on = `localStorage.setItem('lf.lineLink', JSON.stringify({ on: true, url: '${g.wsUrl}', sparkplug: false }))`;
    const root = 'learning-factory/school/lab/breakdown-drill';
    await page.addInitScript(on);
    await startScenario(page, 'breakdown-drill');
    await expect(page.getByTestId('line-link-status')).toContainText(`Topics: ${root}/…`);
    const owner = () => seen.findLast((m) => m.topic === `${root}/_meta/owner`)?.text;
    await expect.poll(owner).toMatch(/^lf-/);
    const first = owner();

    // The second browser finds the root held: it says so and sends nothing under it.
    await other.addInitScript(on);
    await startScenario(other, 'breakdown-drill');
    const status = other.getByTestId('line-link-status');
    await expect(status).toContainText(`Another browser already publishes a line as ${root}/…`);
    await other.waitForTimeout(1000);
    expect(owner()).toBe(first);
    expect(seen.findLast((m) => m.topic === `${root}/_meta/status`)?.text).toBe('online');

    // A name that cannot be a topic level is refused in words; a good one is published.
    await other.getByTestId('line-link-line').fill('bench 3');
    await other.getByRole('button', { name: 'Use this name' }).click();
    await expect(status).toContainText('The line name may have letters, digits');
    await other.getByTestId('line-link-line').fill('bench-3');
    await other.getByRole('button', { name: 'Use this name' }).click();
    const own = 'learning-factory/school/lab/bench-3';
    await expect(status).toContainText(`Topics: ${own}/…`);
    await expect.poll(() => seen.some((m) => m.topic === `${own}/M1/Status/StateCurrent`)).toBe(true);
    // Each line's commands reach its own browser only.
    await tool.publishAsync(`${own}/L1/cmd/Stop`, '{"id": "b3"}', { qos: 1 });
    await expect(other.getByTestId('state-L1')).toHaveText(/Stopping|Stopped/);
    await expect(page.getByTestId('state-L1')).not.toHaveText(/Stopping|Stopped/);
    expect(owner()).toBe(first);
  } finally {
    await other.context().close();
    await close();
  }
});
