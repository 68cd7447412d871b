/**
 * The unified namespace and its publisher without a broker: what goes out for a line, the
 * status of a frozen instrument, state changes once each, and commands checked before they
 * reach the session.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATH, parseCommand, rootOf, stateChangesSince } from '../../src/session/line-link/namespace';
import { FLATLINE_SECONDS, type MqttLike, startPublisher } from '../../src/session/line-link/publisher';
import { engineLine } from '../gateway/engine-line';
import { min, sec } from '../helpers';

/** An MQTT client that is always connected and keeps what is published to it. */
function fakeClient() {
  const published: { topic: string; payload: string; retain: boolean }[] = [];
  const handlers: Record<string, ((...a: never[]) => void)[]> = {};
  const client: MqttLike = {
    connected: true,
    publish: (topic, payload, o) => published.push({ topic, payload, retain: o.retain }),
    subscribe: () => undefined,
    unsubscribe: () => undefined,
    on: (event: string, cb: (...a: never[]) => void) => {
      (handlers[event] ??= []).push(cb);
      return client;
    },
    removeListener: () => client,
  };
  const last = (topic: string) => {
    const m = published.findLast((p) => p.topic === topic);
    return m === undefined ? undefined : (JSON.parse(m.payload) as { value: unknown; quality: string; text?: string });
  };
  /** A message arriving from the broker. */
  const hear = (topic: string, payload: string) => {
    for (const h of handlers.message ?? []) (h as unknown as (t: string, p: Uint8Array) => void)(topic, new TextEncoder().encode(payload));
  };
  return { client, published, last, hear };
}

describe('the publisher', () => {
  it('reports a frozen noisy transmitter as only the last usable value, a minute after it froze', () => {
    const line = engineLine('stuck-sensor');
    const root = rootOf({ ...DEFAULT_PATH, line: 'stuck-sensor' });
    const fake = fakeClient();
    const p = startPublisher(fake.client, line.source, root, () => line.state.tick * 100);
    const topic = `${root}/M1/Instruments/temperature`;
    line.runTo(min(19), 20);
    expect(fake.last(topic)?.quality).toBe('Good');
    line.runTo(min(20) + sec(FLATLINE_SECONDS / 2), 20);
    expect(fake.last(topic)?.quality, 'not yet: half a minute flat may be chance').toBe('Good');
    line.runTo(min(20) + sec(FLATLINE_SECONDS + 20), 20);
    expect(fake.last(topic)).toMatchObject({ value: 91, quality: 'Uncertain_LastUsableValue' });
    // Every value is retained, one per topic; the model and status too.
    expect(fake.published.every((m) => m.retain)).toBe(true);
    expect(fake.published.some((m) => m.topic === `${root}/_meta/model`)).toBe(true);
    expect(JSON.stringify(fake.published.find((m) => m.topic === `${root}/_meta/model`))).not.toContain('temp-sensor');
    p.stop();
    expect(fake.published.at(-1)).toMatchObject({ topic: `${root}/_meta/status`, payload: 'offline' });
  });

  it('answers commands only: what else the client hears under the root (a claim, a status) gets no reply', () => {
    const line = engineLine('breakdown-drill');
    const root = rootOf({ ...DEFAULT_PATH, line: 'breakdown-drill' });
    const fake = fakeClient();
    const p = startPublisher(fake.client, line.source, root, () => line.state.tick * 100);
    const before = fake.published.length;
    fake.hear(`${root}/_meta/status`, 'online');
    fake.hear(`${root}/_meta/owner`, 'lf-other');
    fake.hear(`${root}/_meta/claim`, 'lf-other');
    fake.hear('learning-factory/_gateway/endpoints', '{}');
    expect(fake.published.slice(before)).toEqual([]);
    // A command topic with a bad payload is still answered, in words.
    fake.hear(`${root}/M1/cmd/Stop`, 'not json');
    expect(fake.published.at(-1)?.topic).toBe(`${root}/M1/cmd/Stop/result`);
    p.stop();
  });

  it('publishes each logged state change once, even when the same log tail is seen again', () => {
    const line = engineLine('breakdown-drill');
    line.runTo(min(10));
    const log = [...line.state.log];
    const states = log.filter((e) => e.kind === 'state').length;
    const first = stateChangesSince(log, { tick: -1, seen: 0 }, 'r', 0);
    expect(first.changes.length).toBe(states);
    expect(stateChangesSince(log, first.last, 'r', 0).changes).toEqual([]);
  });
});

describe('command topics', () => {
  const line = engineLine('breakdown-drill');
  const root = rootOf({ ...DEFAULT_PATH, line: 'breakdown-drill' });
  const parse = (topic: string, payload = '') => parseCommand(root, line.model, `${root}/${topic}`, payload);
  it('become commands with their origin', () => {
    expect(parse('M1/cmd/Reset')).toEqual({ ok: true, id: null, command: { type: 'packml', station: 'M1', command: 'reset', via: 'mqtt' } });
    expect(parse('M1/cmd/Start', '{"id": "a", "via": "opcua"}')).toEqual({ ok: true, id: 'a', command: { type: 'packml', station: 'M1', command: 'start', via: 'opcua' } });
    const alarm = line.model.alarms[line.model.alarmsOf[line.model.stationIndex.M1!]![0]!]!.id;
    expect(parse('M1/cmd/AcknowledgeAlarm', JSON.stringify({ alarm }))).toMatchObject({ ok: true, command: { type: 'ackAlarm', alarm, via: 'mqtt' } });
  });
  it('are refused with a reason when anything is wrong', () => {
    const reason = (topic: string, payload = '') => {
      const r = parse(topic, payload);
      return r.ok ? 'accepted' : r.reason;
    };
    expect(reason('M1/cmd/Start', '[1, 2')).toMatch(/not JSON/);
    expect(reason('M1/cmd/Start', '"start"')).toMatch(/not a command/);
    expect(reason('M1/cmd/Start', '{"id": "x", "extra": 1}')).toMatch(/not a command/);
    expect(reason('M1/cmd/Start', '{"via": "carrier pigeon"}')).toMatch(/"via"/);
    expect(reason('Z9/cmd/Start')).toMatch(/no station "Z9"/);
    expect(reason('M1/cmd/Launch')).toMatch(/"Launch" is not a command: use one of Reset, Start/);
    expect(reason('M1/Status/StateCurrent')).toMatch(/not a command topic/);
    expect(reason('M1/cmd/AcknowledgeAlarm', '{"alarm": "nope"}')).toMatch(/Name one of M1's alarms/);
    expect(parseCommand(root, line.model, 'other/root/M1/cmd/Start', '').ok).toBe(false);
  });
});
