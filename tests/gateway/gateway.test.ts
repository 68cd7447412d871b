/**
 * The gateway with real clients: a line published by the browser's publisher (over MQTT on
 * WebSocket, as the page does), read by an MQTT subscriber and by an OPC UA client, and
 * commanded back through OPC UA methods and MQTT command topics.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { AttributeIds, DataType, type ClientSession, NodeClass, OPCUAClient, StatusCodes, Variant } from 'node-opcua';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LogEntry, observe, packName } from '../../src/engine';
import { type Gateway, startGateway } from '../../src/gateway/gateway';
import { connectLine } from '../../src/session/line-link/connect';
import { DEFAULT_PATH, rootOf } from '../../src/session/line-link/namespace';
import { MIN_INTERVAL_MS, startPublisher } from '../../src/session/line-link/publisher';
import { min } from '../helpers';
import { engineLine } from './engine-line';
import { freePort, sleep, until } from './net';

let g: Gateway;
let pki: string;
const clients: MqttClient[] = [];

beforeAll(async () => {
  pki = mkdtempSync(join(tmpdir(), 'lf-pki-'));
  g = await startGateway({ host: '127.0.0.1', mqttPort: 0, wsPort: 0, opcuaPort: await freePort(), pkiDir: pki });
}, 60_000);

afterAll(async () => {
  for (const c of clients) await c.endAsync(true);
  await g?.close();
  rmSync(pki, { recursive: true, force: true });
}, 30_000);

/** A subscriber like MQTT Explorer's, recording every message in arrival order. */
async function subscriber(filter: string) {
  const c = await mqtt.connectAsync(g.mqttUrl, { clientId: `test-${Math.random().toString(36).slice(2)}` });
  clients.push(c);
  const got: { topic: string; text: string; retained: boolean }[] = [];
  c.on('message', (topic, payload, packet) => got.push({ topic, text: payload.toString(), retained: packet.retain }));
  await c.subscribeAsync(filter, { qos: 1 });
  return { client: c, got };
}

/** The browser's side: the line's publisher on a WebSocket connection to the broker. */
async function browser(id: string) {
  const line = engineLine(id);
  const root = rootOf({ ...DEFAULT_PATH, line: id });
  const client = connectLine(g.wsUrl, root, `browser-${id}`);
  clients.push(client);
  await until('the browser to connect', () => client.connected);
  const publisher = startPublisher(client, line.source, root);
  return { line, root, client, publisher };
}

describe('MQTT: the unified namespace', () => {
  it('a subscriber receives every state change of a scripted run in order, and a late subscriber the retained values', async () => {
    const b = await browser('breakdown-drill');
    const early = await subscriber(`${b.root}/+/Status/StateCurrent`);
    const initial = observe(b.line.state).stations.map((st) => `${st.id} ${st.state}`);
    // A student stops a machine, resets and starts it again, while the line runs on.
    const machine = b.line.model.stations.find((s) => s.type === 'machine')!.id;
    b.line.runTo(min(10));
    for (const command of ['stop', 'reset', 'start'] as const) {
      await b.line.source.send({ type: 'packml', station: machine, command });
      b.line.runTo(b.line.state.tick + 300);
    }
    b.line.runTo(min(40));
    const log = b.line.state.log.filter((e): e is Extract<LogEntry, { kind: 'state' }> => e.kind === 'state');
    expect(log.length).toBeGreaterThan(5);
    await until('every state change', () => early.got.length >= initial.length + log.length);
    const seen = early.got.map((m) => {
      const tag = JSON.parse(m.text) as { value: number; timestamp: string; text: string };
      return `${m.topic.split('/')[4]} ${tag.value} ${tag.text} ${tag.timestamp}`;
    });
    // First each station's state as the line started, then every change the controller logs, in
    // order, with its own moment. Between them, a running station's Execute ⇄ Suspended (starved or
    // blocked, many times a minute, not in the engine's log) as sampled a few times a second.
    expect(seen.slice(0, initial.length).map((x) => x.split(' ').slice(0, 2).join(' '))).toEqual(initial);
    const expected = log.map((e) => `${e.station} ${e.to} ${packName(e.to)} ${new Date(b.line.source.originMs + e.tick * 100).toISOString()}`);
    const rest = seen.slice(initial.length);
    const logged = rest.filter((x) => expected.includes(x));
    expect(logged).toEqual(expected);
    const sampled = rest.filter((x) => !expected.includes(x));
    expect(sampled.every((x) => / (5 Suspended|6 Execute) /.test(x)), sampled.join('\n')).toBe(true);

    // A late subscriber gets the line as it is now, from the broker's retained values.
    await sleep(MIN_INTERVAL_MS * 2);
    const late = await subscriber(`${b.root}/#`);
    await until('the retained values', () => late.got.some((m) => m.topic.endsWith('OUT/Admin/ProdProcessedCount')));
    await sleep(200);
    const now = observe(b.line.state);
    const value = (topic: string) => JSON.parse(late.got.findLast((m) => m.topic === `${b.root}/${topic}`)!.text).value;
    expect(late.got.every((m) => m.retained)).toBe(true);
    for (const st of now.stations) {
      expect(value(`${st.id}/Status/StateCurrent`)).toBe(st.state);
      expect(value(`${st.id}/Admin/ProdProcessedCount`)).toBe(st.processed);
      expect(value(`${st.id}/Admin/ProdDefectiveCount`)).toBe(st.scrap);
    }
    const model = JSON.parse(late.got.find((m) => m.topic === `${b.root}/_meta/model`)!.text);
    expect(model.stations.map((s: { id: string }) => s.id)).toEqual(now.stations.map((s) => s.id));
    for (const f of b.line.model.faults) expect(JSON.stringify(model), 'the hidden fault is not in the description').not.toContain(`"${f.id}"`);
    expect(Object.keys(model)).not.toContain('faults');
    expect(late.got.find((m) => m.topic === `${b.root}/_meta/status`)!.text).toBe('online');
    b.publisher.stop();
  }, 60_000);

  it('commands on MQTT topics are applied and recorded with via "mqtt"; malformed ones are refused with a reason and reach nothing', async () => {
    const b = await browser('reference-line5');
    b.line.runTo(min(5));
    const results = await subscriber(`${b.root}/+/cmd/+/result`);
    const station = b.line.model.stations.find((s) => s.type === 'machine')!.id;
    const send = (topic: string, payload: string) => results.client.publishAsync(`${b.root}/${topic}`, payload, { qos: 1 });
    await send(`${station}/cmd/Start`, '{not json');
    await send(`NOPE/cmd/Start`, '');
    await send(`${station}/cmd/Explode`, '{"id": "x1"}');
    await send(`${station}/cmd/Stop`, '{"id": 5}');
    await send(`${station}/cmd/AcknowledgeAlarm`, '{"alarm": "not-an-alarm"}');
    await until('five refusals', () => results.got.length >= 5);
    const verdicts = results.got.map((m) => JSON.parse(m.text) as { accepted: boolean; reason: string; id: string | null });
    expect(verdicts.every((v) => !v.accepted)).toBe(true);
    expect(verdicts[0]!.reason).toMatch(/not JSON/);
    expect(verdicts[1]!.reason).toMatch(/no station "NOPE"/);
    expect(verdicts[2]).toMatchObject({ id: 'x1' });
    expect(verdicts[2]!.reason).toMatch(/"Explode" is not a command/);
    expect(verdicts[3]!.reason).toMatch(/"id"/);
    expect(verdicts[4]!.reason).toMatch(/alarms/);
    expect(b.line.commands, 'nothing reached the session').toEqual([]);
    // Garbage on the line's own topics and a broken description: the gateway keeps what it knew.
    const known = g.lines.all.get(b.root)!;
    const state = known.values.get(`${station}/Status/StateCurrent`);
    await send('_meta/model', '{"format": 1, "stations": "all of them"}');
    await send(`${station}/Status/StateCurrent`, 'not json at all');
    await send(`${station}/Status/StateCurrent`, '{"value": {"nested": true}, "quality": "Good", "timestamp": "x"}');
    await results.client.publishAsync('a/b/c/d/_meta/model', Buffer.from([0xff, 0xfe, 0x00]), { qos: 1 });
    await sleep(300);
    expect(g.lines.all.get(b.root)).toBe(known);
    expect(known.values.get(`${station}/Status/StateCurrent`)).toEqual(state);
    expect(g.lines.all.has('a/b/c/d')).toBe(false);

    await send(`${station}/cmd/Stop`, '{"id": "stop-1"}');
    await until('the verdict', () => results.got.length >= 6);
    expect(JSON.parse(results.got[5]!.text)).toEqual({ id: 'stop-1', accepted: true, reason: '' });
    expect(b.line.commands).toEqual([{ type: 'packml', station, command: 'stop', via: 'mqtt', tick: b.line.state.tick }]);
    expect(b.line.replayHash()).toBe(b.line.hash());
    b.publisher.stop();
  }, 60_000);
});

describe('OPC UA: PackML tags and methods', () => {
  let session: ClientSession;
  let client: OPCUAClient;
  beforeAll(async () => {
    client = OPCUAClient.create({ endpointMustExist: false, connectionStrategy: { maxRetry: 2, initialDelay: 100 } });
    await client.connect(g.opcuaEndpoint);
    session = await client.createSession();
  }, 30_000);
  afterAll(async () => {
    await session?.close();
    await client?.disconnect();
  });

  it('browses a line, reads StateCurrent and a dead gauge as Bad_SensorFailure, calls Stop/Reset/Start, and the session replays without the gateway', async () => {
    const b = await browser('dead-gauge');
    b.line.runTo(min(35));
    await until('the line in the address space', () => g.lines.all.get(b.root)?.values.has('QC/Instruments/dimension') ?? false);
    await sleep(MIN_INTERVAL_MS * 2);
    const node = (path: string) => `ns=1;s=${b.root}/${path}`;

    const top = await session.browse('ns=0;i=85');
    expect(top.references!.map((r) => r.browseName.name)).toContain('dead-gauge');
    const stations = await session.browse(`ns=1;s=${b.root}`);
    expect(stations.references!.filter((r) => r.nodeClass === NodeClass.Object).map((r) => r.browseName.name)).toEqual(b.line.model.stations.map((s) => s.id));
    const groups = await session.browse(node('CNC1'));
    expect(groups.references!.map((r) => r.browseName.name)).toEqual(expect.arrayContaining(['Status', 'Admin', 'Command', 'Instruments']));
    const methods = await session.browse(node('CNC1/Command'));
    expect(methods.references!.map((r) => r.browseName.name)).toEqual(['Reset', 'Start', 'Stop', 'Hold', 'Unhold', 'Suspend', 'Unsuspend', 'Abort', 'Clear', 'AcknowledgeAlarm']);

    const state = await session.read({ nodeId: node('CNC1/Status/StateCurrent'), attributeId: AttributeIds.Value });
    expect(state.statusCode).toBe(StatusCodes.Good);
    expect(state.value.value).toBe(observe(b.line.state).stations.find((s) => s.id === 'CNC1')!.state);
    expect(state.sourceTimestamp!.getTime()).toBeGreaterThan(b.line.source.originMs);

    const gauge = await session.read({ nodeId: node('QC/Instruments/dimension'), attributeId: AttributeIds.Value });
    expect(gauge.statusCode).toBe(StatusCodes.BadSensorFailure);
    const range = await session.read({ nodeId: (await session.translateBrowsePath({ startingNode: node('QC/Instruments/dimension'), relativePath: { elements: [{ targetName: { name: 'EURange', namespaceIndex: 0 }, isInverse: false, includeSubtypes: true, referenceTypeId: 'ns=0;i=33' }] } })).targets![0]!.targetId, attributeId: AttributeIds.Value });
    expect(range.value.value.low).toBeLessThan(range.value.value.high);

    const call = (station: string, method: string, args: Variant[] = []) => session.call({ objectId: node(`${station}/Command`), methodId: node(`${station}/Command/${method}`), inputArguments: args });
    const stop = await call('CNC1', 'Stop');
    expect(stop.statusCode).toBe(StatusCodes.Good);
    b.line.runTo(b.line.state.tick + 300);
    const refused = await call('CNC1', 'Unsuspend');
    expect(refused.statusCode).toBe(StatusCodes.BadInvalidState);
    expect(String(refused.outputArguments![0]!.value)).toMatch(/Unsuspend works from Suspended/);
    expect((await call('CNC1', 'Reset')).statusCode).toBe(StatusCodes.Good);
    b.line.runTo(b.line.state.tick + 300);
    expect((await call('CNC1', 'Start')).statusCode).toBe(StatusCodes.Good);
    b.line.runTo(b.line.state.tick + 300);
    expect(['Execute', 'Suspended'], 'running again (Suspended while it waits for parts)').toContain(observe(b.line.state).stations.find((s) => s.id === 'CNC1')!.stateName);
    expect(b.line.commands.map((c) => `${c.type === 'packml' ? c.command : c.type} ${c.via}`)).toEqual(['stop opcua', 'unsuspend opcua', 'reset opcua', 'start opcua']);
    expect(b.line.replayHash()).toBe(b.line.hash());

    // Wrong arguments are refused by the server before anything reaches the line.
    const before = b.line.commands.length;
    expect((await call('CNC1', 'Start', [new Variant({ dataType: DataType.String, value: 'extra' })])).statusCode).toBe(StatusCodes.BadTooManyArguments);
    expect((await call('CNC1', 'AcknowledgeAlarm')).statusCode).toBe(StatusCodes.BadArgumentsMissing);
    expect((await call('NOPE', 'Start')).statusCode.isGood()).toBe(false);
    expect(b.line.commands.length).toBe(before);
    // The browser describing the same line again (a reconnect) keeps the nodes a client subscribed to.
    const described = g.lines.all.get(b.root);
    b.publisher.republish();
    await sleep(300);
    expect(g.lines.all.get(b.root)).toBe(described);
    expect((await session.read({ nodeId: node('CNC1/Status/StateCurrent'), attributeId: AttributeIds.Value })).statusCode).toBe(StatusCodes.Good);
    b.publisher.stop();
    await until('the line offline', () => g.lines.all.get(b.root)?.online === false);
    const stale = await session.read({ nodeId: node('CNC1/Status/StateCurrent'), attributeId: AttributeIds.Value });
    expect(stale.statusCode).toBe(StatusCodes.UncertainNoCommunicationLastUsableValue);
  }, 90_000);
});
