/**
 * The line in Sparkplug B, the second encoding a student can switch on: the line is an edge
 * node, each station a device. NBIRTH/DBIRTH carry every metric with its type, DDATA only what
 * changed, NDEATH is the connection's will (with the birth's bdSeq) and DDEATH says a station
 * is gone. A DCMD metric `Command/<PackML command>` = true is a command, applied like any other
 * (via "mqtt"); NCMD `Node Control/Rebirth` asks for the births again. Payloads are the Eclipse
 * Tahu protobuf (sparkplug-payload). Uses the same tags as the unified namespace.
 */
import type { MqttClient } from 'mqtt';
import mqtt from 'mqtt';
import { decodePayload, encodePayload, type UMetric } from 'sparkplug-payload/lib/sparkplugbpayload.js';
import type { Observation } from '../../engine';
import { type LinePath, PACK_METHODS, type PackMethod, rootOf, type Tag, tagsOf } from './namespace';
import { RECONNECT_MS } from './connect';
import type { LineSource } from './publisher';

export const SPARKPLUG = 'spBv1.0';

/** Sparkplug's ids for a line: the enterprise is the group, the line the edge node, a station a device. */
export function sparkplugIds(p: LinePath): { readonly group: string; readonly node: string } {
  return { group: p.enterprise, node: `${p.site}-${p.area}-${p.line}` };
}

export const topicOf = (group: string, kind: 'NBIRTH' | 'NDATA' | 'NDEATH' | 'DBIRTH' | 'DDATA' | 'DDEATH' | 'DCMD' | 'NCMD', node: string, device?: string): string =>
  `${SPARKPLUG}/${group}/${kind}/${node}${device === undefined ? '' : `/${device}`}`;

const INTEGER_TAGS = /\/(StateCurrent|UnitModeCurrent|ProdProcessedCount|ProdDefectiveCount|ID)$/;

/** A tag as a metric, stamped with its own (simulated) moment. */
function metricOf(name: string, tag: Tag): UMetric {
  const base = { name, timestamp: Date.parse(tag.timestamp) };
  if (typeof tag.value === 'boolean') return { ...base, type: 'Boolean', value: tag.value };
  if (typeof tag.value === 'string') return { ...base, type: 'String', value: tag.value };
  const type = INTEGER_TAGS.test(`/${name}`) ? 'Int32' : 'Double';
  return tag.value === null ? { ...base, type, value: null, isNull: true } : { ...base, type, value: tag.value };
}

export interface SparkplugEdge {
  stop(): Promise<void>;
}

/**
 * Connect a second MQTT session for Sparkplug (its will must be its own NDEATH) and publish the
 * line on it until stopped.
 */
export function startSparkplug(url: string, source: LineSource, path: LinePath, clientId: string): SparkplugEdge {
  const { group, node } = sparkplugIds(path);
  const root = rootOf(path);
  const model = source.model;
  let bdSeq = 0;
  let seq = 0;
  let latest: Observation | null = null;
  /** Per device (and '' for the node): metric name → the value key it was last sent with. */
  const held = new Map<string, Map<string, string>>();
  const nextSeq = () => {
    const s = seq;
    seq = (seq + 1) % 256;
    return s;
  };
  const death = () => encodePayload({ timestamp: Date.now(), metrics: [{ name: 'bdSeq', type: 'Int64', value: bdSeq }] });
  const client: MqttClient = mqtt.connect(url, {
    clientId,
    reconnectPeriod: RECONNECT_MS,
    clean: true,
    will: { topic: topicOf(group, 'NDEATH', node), payload: death() as Buffer, qos: 0, retain: false },
  });
  /** Metrics per device ('' for the line itself), from the unified namespace's tags. */
  const metricsNow = (obs: Observation): Map<string, Map<string, Tag>> => {
    const byDevice = new Map<string, Map<string, Tag>>();
    for (const [topic, tag] of tagsOf(obs, model, root, source.originMs, new Set())) {
      const rest = topic.slice(root.length + 1);
      const slash = rest.indexOf('/');
      const device = rest.startsWith('Line/') ? '' : rest.slice(0, slash);
      const name = device === '' ? rest : rest.slice(slash + 1);
      if (!byDevice.has(device)) byDevice.set(device, new Map());
      byDevice.get(device)!.set(name, tag);
    }
    return byDevice;
  };
  const key = (t: Tag) => JSON.stringify([t.value, t.quality]);
  const births = () => {
    if (!client.connected) return;
    seq = 0;
    held.clear();
    const now = Date.now();
    const all = latest === null ? new Map<string, Map<string, Tag>>() : metricsNow(latest);
    const line = [...(all.get('') ?? new Map<string, Tag>())];
    client.publish(
      topicOf(group, 'NBIRTH', node),
      encodePayload({
        timestamp: now,
        seq: nextSeq(),
        metrics: [{ name: 'bdSeq', type: 'Int64', value: bdSeq }, { name: 'Node Control/Rebirth', type: 'Boolean', value: false }, ...line.map(([n, t]) => metricOf(n, t))],
      }) as Buffer,
      { qos: 0 },
    );
    held.set('', new Map(line.map(([n, t]) => [n, key(t)])));
    for (const st of model.stations) {
      const metrics = [...(all.get(st.id) ?? new Map<string, Tag>())];
      const commands: UMetric[] = st.type === 'buffer' || st.type === 'sink' ? [] : Object.keys(PACK_METHODS).map((m) => ({ name: `Command/${m}`, type: 'Boolean', value: false }));
      client.publish(topicOf(group, 'DBIRTH', node, st.id), encodePayload({ timestamp: now, seq: nextSeq(), metrics: [...metrics.map(([n, t]) => metricOf(n, t)), ...commands] }) as Buffer, { qos: 0 });
      held.set(st.id, new Map(metrics.map(([n, t]) => [n, key(t)])));
    }
  };
  const onObservation = (obs: Observation) => {
    const first = latest === null;
    latest = obs;
    if (!client.connected) return;
    if (first) return births();
    const now = Date.now();
    for (const [device, metrics] of metricsNow(obs)) {
      const was = held.get(device) ?? new Map<string, string>();
      const changed = [...metrics].filter(([n, t]) => was.get(n) !== key(t));
      if (changed.length === 0) continue;
      for (const [n, t] of changed) was.set(n, key(t));
      held.set(device, was);
      const payload = encodePayload({ timestamp: now, seq: nextSeq(), metrics: changed.map(([n, t]) => metricOf(n, t)) }) as Buffer;
      client.publish(device === '' ? topicOf(group, 'NDATA', node) : topicOf(group, 'DDATA', node, device), payload, { qos: 0 });
    }
  };
  client.on('connect', () => {
    client.subscribe([topicOf(group, 'DCMD', node, '+'), topicOf(group, 'NCMD', node)], { qos: 0 });
    births();
  });
  client.on('message', (topic, payload) => {
    let metrics: UMetric[];
    try {
      metrics = (decodePayload(new Uint8Array(payload)).metrics ?? []) as UMetric[];
    } catch {
      return; // Not a Sparkplug payload: nothing to do, nothing reaches the session.
    }
    if (topic === topicOf(group, 'NCMD', node)) {
      if (metrics.some((m) => m.name === 'Node Control/Rebirth' && m.value === true)) births();
      return;
    }
    const station = topic.split('/')[4] ?? '';
    if (source.readOnly || model.stationIndex[station] === undefined) return;
    for (const m of metrics) {
      const method = m.name?.startsWith('Command/') ? m.name.slice('Command/'.length) : '';
      if (m.value !== true || !(method in PACK_METHODS)) continue;
      void source.send({ type: 'packml', station, command: PACK_METHODS[method as PackMethod], via: 'mqtt' });
    }
  });
  const unwatch = source.watch(onObservation);
  return {
    async stop() {
      unwatch();
      if (client.connected) {
        for (const st of model.stations) client.publish(topicOf(group, 'DDEATH', node, st.id), encodePayload({ timestamp: Date.now(), seq: nextSeq() }) as Buffer, { qos: 0 });
        client.publish(topicOf(group, 'NDEATH', node), death() as Buffer, { qos: 0 });
      }
      bdSeq = (bdSeq + 1) % 256;
      await client.endAsync();
    },
  };
}
