/**
 * The lines the browsers publish, as the gateway knows them: each line's description, whether
 * its browser is online, and the last value of each of its tags. Read from the broker like any
 * other subscriber would; commands go back the same way, on the line's command topics, and
 * wait for the browser's verdict.
 */
import { randomUUID } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import {
  type CommandVerdict,
  type LineDescription,
  lineDescriptionSchema,
  META_MODEL,
  META_STATUS,
  parseAs,
  type Tag,
  tagSchema,
  verdictSchema,
} from '../session/line-link/namespace';

/** How long a command waits for the browser's verdict. */
export const COMMAND_TIMEOUT_MS = 5000;

export interface Line {
  readonly description: LineDescription;
  online: boolean;
  /** Topic below the line's root → its last value. */
  readonly values: Map<string, Tag>;
}

export interface LineEvents {
  described(line: Line): void;
  value(line: Line, topic: string, tag: Tag): void;
  status(line: Line): void;
}

export interface Lines {
  readonly all: ReadonlyMap<string, Line>;
  /** Send a command to a line's browser and wait for its verdict. */
  command(root: string, station: string, method: string, extra?: Record<string, string>): Promise<CommandVerdict>;
}

/** The root of a topic `<enterprise>/<site>/<area>/<line>/...` and the rest. */
const split = (topic: string): [string, string] | null => {
  const parts = topic.split('/');
  return parts.length < 5 ? null : [parts.slice(0, 4).join('/'), parts.slice(4).join('/')];
};

export function watchLines(client: MqttClient, events: LineEvents): Lines {
  const all = new Map<string, Line>();
  const waiting = new Map<string, (v: CommandVerdict) => void>();
  client.subscribe('+/+/+/+/#', { qos: 1 });
  client.on('message', (topic, payload) => {
    // Anyone may publish to the broker: nothing they send may stop the gateway.
    try {
      receive(topic, payload);
    } catch (e) {
      console.error(`The gateway could not take ${topic}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  function receive(topic: string, payload: Buffer) {
    const at = split(topic);
    if (at === null) return;
    const [root, rest] = at;
    const text = payload.toString('utf8');
    if (rest === META_MODEL) {
      const d = parseAs(lineDescriptionSchema, text);
      if (d === null || d.root !== root) return;
      // The same line described again (its browser reconnected): an OPC UA client's subscriptions stay valid.
      if (JSON.stringify(all.get(root)?.description) === JSON.stringify(d)) return;
      const line: Line = { description: d, online: all.get(root)?.online ?? false, values: new Map() };
      all.set(root, line);
      events.described(line);
      return;
    }
    const line = all.get(root);
    if (line === undefined) return;
    if (rest === META_STATUS) {
      line.online = text === 'online';
      events.status(line);
      return;
    }
    if (rest.includes('/cmd/')) {
      if (!rest.endsWith('/result')) return;
      const v = parseAs(verdictSchema, text);
      if (v?.id != null) waiting.get(v.id)?.(v);
      return;
    }
    const tag = parseAs(tagSchema, text) as Tag | null;
    if (tag === null) return;
    line.values.set(rest, tag);
    events.value(line, rest, tag);
  }
  return {
    all,
    command(root, station, method, extra = {}) {
      const line = all.get(root);
      if (line === undefined) return Promise.resolve({ id: null, accepted: false, reason: 'No browser publishes this line.' });
      if (!line.online) return Promise.resolve({ id: null, accepted: false, reason: 'The browser that runs this line is not connected.' });
      if (line.description.readOnly) return Promise.resolve({ id: null, accepted: false, reason: 'This line is a replay: it takes no commands.' });
      const id = randomUUID();
      const topic = `${root}/${station}/cmd/${method}`;
      return new Promise<CommandVerdict>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve({ id, accepted: false, reason: `The browser did not answer within ${COMMAND_TIMEOUT_MS / 1000} s.` });
        }, COMMAND_TIMEOUT_MS);
        waiting.set(id, (v) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(v);
        });
        client.publish(topic, JSON.stringify({ id, via: 'opcua', ...extra }), { qos: 1 });
      });
    },
  };
}
