/**
 * The gateway killed and started again mid-run: the browser's connection comes back by itself,
 * publishes the line's retained values anew, and the run never waited for it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, expect, it } from 'vitest';
import { observe } from '../../src/engine';
import { type Gateway, startGateway } from '../../src/gateway/gateway';
import { connectLine } from '../../src/session/line-link/connect';
import { DEFAULT_PATH, rootOf } from '../../src/session/line-link/namespace';
import { startPublisher } from '../../src/session/line-link/publisher';
import { min } from '../helpers';
import { engineLine } from './engine-line';
import { freePort, sleep, until } from './net';

const pki = mkdtempSync(join(tmpdir(), 'lf-pki-'));
let g: Gateway | null = null;
afterAll(async () => {
  await g?.close();
  rmSync(pki, { recursive: true, force: true });
}, 30_000);

it('the browser reconnects to a restarted gateway and republishes the line, which ran on meanwhile', async () => {
  const ports = { host: '127.0.0.1', mqttPort: await freePort(), wsPort: await freePort(), opcuaPort: await freePort(), pkiDir: pki };
  g = await startGateway(ports);
  const line = engineLine('reference-line5');
  const root = rootOf({ ...DEFAULT_PATH, line: 'reference-line5' });
  const client = connectLine(g.wsUrl, root, 'browser-restart');
  await until('the browser to connect', () => client.connected);
  const publisher = startPublisher(client, line.source, root);
  line.runTo(min(5));
  await until('the line at the gateway', () => g!.lines.all.get(root)?.online === true);

  await g.close();
  g = null;
  await until('the browser to notice', () => !client.connected);
  // The run goes on while the gateway is away.
  const before = line.state.tick;
  line.runTo(min(20));
  expect(line.state.tick).toBeGreaterThan(before);
  await sleep(1500);

  g = await startGateway(ports);
  await until('the browser back', () => client.connected, 10_000);
  await until('the line described again', () => g!.lines.all.get(root)?.online === true, 10_000);
  const late = await mqtt.connectAsync(g.mqttUrl);
  const got = new Map<string, string>();
  late.on('message', (topic, payload) => got.set(topic, payload.toString()));
  await late.subscribeAsync(`${root}/#`, { qos: 1 });
  await until('the retained values', () => got.has(`${root}/OUT/Admin/ProdProcessedCount`));
  await sleep(300);
  const now = observe(line.state);
  for (const st of now.stations) {
    expect(JSON.parse(got.get(`${root}/${st.id}/Status/StateCurrent`)!).value).toBe(st.state);
    expect(JSON.parse(got.get(`${root}/${st.id}/Admin/ProdProcessedCount`)!).value).toBe(st.processed);
  }
  expect(got.get(`${root}/_meta/status`)).toBe('online');
  await late.endAsync(true);
  publisher.stop();
  await client.endAsync(true);
}, 60_000);
