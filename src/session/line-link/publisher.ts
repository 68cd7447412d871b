/**
 * Publishes a running line into the unified namespace and takes commands back. What goes out
 * is the student's observe() view: every tag retained, published when it changes, at most
 * every MIN_INTERVAL_MS per topic (the last value always follows); state changes go out one by
 * one, in order, from the line's log. A command on `<root>/<station>/cmd/<command>` is checked,
 * applied by the session as an ordinary recorded command, and answered on `.../result`.
 * Works with any MQTT client that looks like mqtt.js's, in the browser or in Node.
 */
import type { CommandResult, LineModel, Observation } from '../../engine';
import type { UserCommand } from '../engine-protocol';
import {
  type CommandVerdict,
  commandFilter,
  describeLine,
  META_MODEL,
  META_STATUS,
  parseCommand,
  resultTopic,
  stateChangesSince,
  type Tag,
  tagsOf,
} from './namespace';

/** A topic's value is published at most this often; a change in between goes out when it is over. */
export const MIN_INTERVAL_MS = 250;
/** A noisy transmitter whose value has not moved for this much simulated time reports it as only the last usable value. */
export const FLATLINE_SECONDS = 60;

/** The part of an mqtt.js client the publisher uses. */
export interface MqttLike {
  readonly connected: boolean;
  publish(topic: string, payload: string, options: { qos: 0 | 1; retain: boolean }): unknown;
  subscribe(topic: string | string[], options: { qos: 0 | 1 }): unknown;
  unsubscribe(topic: string | string[]): unknown;
  on(event: 'connect', cb: () => void): unknown;
  on(event: 'message', cb: (topic: string, payload: Uint8Array) => void): unknown;
  removeListener(event: 'connect' | 'message', cb: (...args: never[]) => void): unknown;
}

/** The line as the publisher sees it: its layout, its observations and a way to send it commands. */
export interface LineSource {
  readonly model: LineModel;
  readonly title: string;
  /** Wall-clock milliseconds of tick 0. */
  readonly originMs: number;
  /** A replay: commands are refused. */
  readonly readOnly: boolean;
  /** Calls back with each new observation; returns how to stop. */
  watch(listener: (obs: Observation) => void): () => void;
  send(command: UserCommand): Promise<CommandResult>;
}

export interface Publisher {
  /** Publish everything again (after the broker came back without its retained values). */
  republish(): void;
  /** Say `offline`, stop listening; the client stays the caller's. */
  stop(): void;
  /** Messages published so far (for the page's status line and the bench). */
  readonly sent: () => number;
}

const keyOf = (t: Tag): string => JSON.stringify([t.value, t.quality, t.unit, t.text]);
const decoder = new TextDecoder();

export function startPublisher(client: MqttLike, source: LineSource, root: string, now: () => number = () => Date.now()): Publisher {
  const model = source.model;
  /** What the broker holds per topic (by key), and when it was sent. */
  const held = new Map<string, string>();
  const sentAt = new Map<string, number>();
  /** Changes waiting for their topic's interval to pass. */
  const waiting = new Map<string, Tag>();
  let latest = new Map<string, Tag>();
  let lastState = { tick: -1, seen: 0 };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let count = 0;
  /** Per noisy instrument: the value it last showed and the tick it first showed it. */
  const flat = new Map<string, { value: number | null; since: number }>();
  const noisy = new Set(model.sensors.filter((s) => s.noiseSd > 0).map((s) => s.id));

  const send = (topic: string, tag: Tag) => {
    if (!client.connected) return;
    client.publish(topic, JSON.stringify(tag), { qos: 1, retain: true });
    held.set(topic, keyOf(tag));
    sentAt.set(topic, now());
    count++;
  };
  const flush = () => {
    timer = null;
    const t = now();
    let next = Infinity;
    for (const [topic, tag] of waiting) {
      const due = (sentAt.get(topic) ?? -Infinity) + MIN_INTERVAL_MS;
      if (due <= t) {
        send(topic, tag);
        waiting.delete(topic);
      } else next = Math.min(next, due);
    }
    if (next < Infinity) timer = setTimeout(flush, next - t);
  };
  const birth = () => {
    if (!client.connected) return;
    client.publish(`${root}/${META_MODEL}`, JSON.stringify(describeLine(model, root, source.title, source.originMs, source.readOnly)), { qos: 1, retain: true });
    client.publish(`${root}/${META_STATUS}`, 'online', { qos: 1, retain: true });
    client.subscribe(commandFilter(root), { qos: 1 });
    held.clear();
    waiting.clear();
    for (const [topic, tag] of latest) send(topic, tag);
  };
  const frozenAt = (obs: Observation): Set<string> => {
    const frozen = new Set<string>();
    for (const st of obs.stations) {
      for (const s of st.sensors) {
        if (!noisy.has(s.id)) continue;
        const f = flat.get(s.id);
        if (f === undefined || f.value !== s.value) flat.set(s.id, { value: s.value, since: obs.tick });
        else if (s.value !== null && obs.tick - f.since >= FLATLINE_SECONDS * 10) frozen.add(s.id);
      }
    }
    return frozen;
  };
  const onObservation = (obs: Observation) => {
    // Every state change, in order, with the moment it happened.
    const { changes, last } = stateChangesSince(obs.log, lastState, root, source.originMs);
    lastState = last;
    for (const [topic, tag] of changes) {
      if (held.get(topic) !== keyOf(tag)) send(topic, tag);
    }
    latest = tagsOf(obs, model, root, source.originMs, frozenAt(obs));
    const t = now();
    for (const [topic, tag] of latest) {
      if (held.get(topic) === keyOf(tag)) {
        waiting.delete(topic);
        continue;
      }
      if ((sentAt.get(topic) ?? -Infinity) + MIN_INTERVAL_MS <= t) send(topic, tag);
      else waiting.set(topic, tag);
    }
    // The first waiting value goes out the moment its topic's interval is over.
    if (waiting.size > 0 && timer === null) {
      let due = Infinity;
      for (const topic of waiting.keys()) due = Math.min(due, (sentAt.get(topic) ?? -Infinity) + MIN_INTERVAL_MS);
      timer = setTimeout(flush, Math.max(0, due - t));
    }
  };
  const answer = (topic: string, verdict: CommandVerdict) => {
    if (client.connected) client.publish(resultTopic(topic), JSON.stringify(verdict), { qos: 1, retain: false });
  };
  const onMessage = (topic: string, payload: Uint8Array) => {
    // The client may hear other topics too (the gateway's endpoints, a claim): only commands are answered.
    if (!topic.startsWith(`${root}/`) || topic.endsWith('/result') || topic.split('/')[5] !== 'cmd') return;
    const parsed = parseCommand(root, model, topic, decoder.decode(payload));
    if (!parsed.ok) return answer(topic, { id: parsed.id, accepted: false, reason: parsed.reason });
    if (source.readOnly) return answer(topic, { id: parsed.id, accepted: false, reason: 'This line is a replay: it takes no commands.' });
    void source.send(parsed.command).then((r) => answer(topic, { id: parsed.id, accepted: r.accepted, reason: r.reason }));
  };

  client.on('connect', birth);
  client.on('message', onMessage);
  const unwatch = source.watch(onObservation);
  if (client.connected) birth();
  return {
    republish: birth,
    stop() {
      unwatch();
      if (timer !== null) clearTimeout(timer);
      client.removeListener('connect', birth);
      client.removeListener('message', onMessage as (...args: never[]) => void);
      if (client.connected) client.publish(`${root}/${META_STATUS}`, 'offline', { qos: 1, retain: true });
    },
    sent: () => count,
  };
}
