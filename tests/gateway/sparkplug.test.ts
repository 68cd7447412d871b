/**
 * Sparkplug B: births with every metric, data with what changed, a DCMD that stops a machine,
 * deaths when the line goes, decoded by a plain subscriber with the Tahu payload codec.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { decodePayload, encodePayload, type UMetric } from 'sparkplug-payload/lib/sparkplugbpayload.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { observe } from '../../src/engine';
import { type Gateway, startGateway } from '../../src/gateway/gateway';
import { DEFAULT_PATH } from '../../src/session/line-link/namespace';
import { startSparkplug } from '../../src/session/line-link/sparkplug';
import { min } from '../helpers';
import { engineLine } from './engine-line';
import { freePort, sleep, until } from './net';

let g: Gateway;
const pki = mkdtempSync(join(tmpdir(), 'lf-pki-'));
beforeAll(async () => {
  g = await startGateway({ host: '127.0.0.1', mqttPort: 0, wsPort: 0, opcuaPort: await freePort(), pkiDir: pki });
}, 60_000);
afterAll(async () => {
  await g.close();
  rmSync(pki, { recursive: true, force: true });
}, 30_000);

it('births, data, a DCMD applied as a recorded command, and deaths', async () => {
  const line = engineLine('reference-line5');
  const got: { topic: string; metrics: UMetric[]; seq: number | null }[] = [];
  const host = await mqtt.connectAsync(g.mqttUrl);
  host.on('message', (topic, payload) => {
    if (payload.toString() === 'not protobuf') return;
    const p = decodePayload(new Uint8Array(payload));
    got.push({ topic, metrics: (p.metrics ?? []) as UMetric[], seq: p.seq === undefined || p.seq === null ? null : Number(p.seq) });
  });
  await host.subscribeAsync('spBv1.0/#', { qos: 0 });
  const edge = startSparkplug(g.wsUrl, line.source, { ...DEFAULT_PATH, line: 'reference-line5' }, 'edge-test');
  line.runTo(min(2));
  const node = 'spBv1.0/learning-factory';
  await until('the births', () => got.some((m) => m.topic === `${node}/DBIRTH/school-lab-reference-line5/OUT`));
  const nbirth = got.find((m) => m.topic.includes('/NBIRTH/'))!;
  expect(nbirth.topic).toBe(`${node}/NBIRTH/school-lab-reference-line5`);
  expect(nbirth.seq).toBe(0);
  expect(nbirth.metrics.map((m) => m.name)).toEqual(expect.arrayContaining(['bdSeq', 'Node Control/Rebirth', 'Line/EStop']));
  const now = observe(line.state);
  const first = now.stations.find((s) => s.type === 'machine')!;
  const dbirth = got.find((m) => m.topic.endsWith(`/DBIRTH/school-lab-reference-line5/${first.id}`))!;
  const metric = (ms: UMetric[], name: string) => ms.find((m) => m.name === name);
  expect(metric(dbirth.metrics, 'Status/StateCurrent')).toMatchObject({ type: 'Int32', value: first.state });
  expect(metric(dbirth.metrics, 'Command/Stop')).toMatchObject({ type: 'Boolean', value: false });
  expect(dbirth.metrics.some((m) => m.name?.startsWith('Instruments/') && m.type === 'Double')).toBe(true);

  // Data carries only what changed, in sequence.
  line.runTo(min(10));
  await until('data', () => got.some((m) => m.topic.includes('/DDATA/')));
  const data = got.filter((m) => m.topic.includes('/DDATA/'));
  expect(data.every((m) => m.metrics.length < dbirth.metrics.length)).toBe(true);
  const seqs = got.filter((m) => m.seq !== null).map((m) => m.seq!);
  expect(seqs.slice(0, 20)).toEqual(seqs.slice(0, 20).map((_, k) => k % 256));

  // A DCMD from the host stops the machine; a garbage payload is ignored.
  await host.publishAsync(`${node}/DCMD/school-lab-reference-line5/${first.id}`, Buffer.from('not protobuf'));
  await host.publishAsync(`${node}/DCMD/school-lab-reference-line5/${first.id}`, Buffer.from(encodePayload({ timestamp: Date.now(), metrics: [{ name: 'Command/Stop', type: 'Boolean', value: true }] })));
  await until('the command applied', () => line.commands.length === 1);
  expect(line.commands[0]).toMatchObject({ type: 'packml', station: first.id, command: 'stop', via: 'mqtt' });
  line.runTo(line.state.tick + 600);
  await until('the stop published', () => got.some((m) => m.topic.endsWith(`/DDATA/school-lab-reference-line5/${first.id}`) && metric(m.metrics, 'Status/StateCurrent')?.value === 2));

  await edge.stop();
  await until('the deaths', () => got.some((m) => m.topic.endsWith('/NDEATH/school-lab-reference-line5')));
  expect(got.filter((m) => m.topic.includes('/DDEATH/')).length).toBe(line.model.stations.length);
  expect(metric(got.find((m) => m.topic.includes('/NDEATH/'))!.metrics, 'bdSeq')).toBeDefined();
  await sleep(50);
  await host.endAsync(true);
}, 60_000);
