/**
 * claimRoot (src/session/line-link/claim.ts): a browser publishes under a root only when no other
 * live browser holds it — read from the broker's retained status and owner, complete once the
 * browser's marker to itself has come back (the broker keeps one client's packets in order).
 */
import { describe, expect, it } from 'vitest';
import { claimRoot } from '../../src/session/line-link/claim';
import type { MqttLike } from '../../src/session/line-link/publisher';

const ROOT = 'learning-factory/school/lab/breakdown-drill';

/**
 * A broker holding these retained messages, delivered when subscribed to, after `lag` ms (a
 * busy page); a message published to a subscribed topic comes back after them, in order.
 */
function brokerWith(retained: Record<string, string>, lag = 1, answers = true) {
  let listeners: ((topic: string, payload: Uint8Array) => void)[] = [];
  const subscribed: string[] = [];
  const unsubscribed: string[] = [];
  let queue = Promise.resolve();
  const deliver = (topic: string, text: string, after: number) => {
    queue = queue.then(() => new Promise((r) => setTimeout(r, after))).then(() => {
      for (const l of listeners) l(topic, new TextEncoder().encode(text));
    });
  };
  const client: MqttLike = {
    connected: true,
    publish: (topic, payload) => {
      if (answers && subscribed.includes(topic) && !unsubscribed.includes(topic)) deliver(topic, payload, 0);
    },
    subscribe: (topics) => {
      const list = Array.isArray(topics) ? topics : [topics];
      subscribed.push(...list);
      for (const t of list) if (t in retained) deliver(t, retained[t]!, lag);
    },
    unsubscribe: (topics) => {
      unsubscribed.push(...(Array.isArray(topics) ? topics : [topics]));
    },
    on: (_event: string, cb: (...a: never[]) => void) => {
      listeners.push(cb as unknown as (topic: string, payload: Uint8Array) => void);
      return client;
    },
    removeListener: (_event: string, cb: (...a: never[]) => void) => {
      listeners = listeners.filter((l) => l !== (cb as unknown));
      return client;
    },
  };
  return { client, subscribed, unsubscribed, listening: () => listeners.length };
}

describe('claiming a line root', () => {
  it('is free when the broker holds nothing there', async () => {
    const b = brokerWith({});
    expect(await claimRoot(b.client, ROOT, 'lf-me', 2000)).toBe('free');
    expect(b.subscribed).toEqual([`${ROOT}/_meta/status`, `${ROOT}/_meta/owner`, `${ROOT}/_meta/claim`]);
    // It leaves nothing behind: no subscription, no listener.
    expect(b.unsubscribed).toEqual(b.subscribed);
    expect(b.listening()).toBe(0);
  });

  it('is taken while another browser is online there', async () => {
    const b = brokerWith({ [`${ROOT}/_meta/status`]: 'online', [`${ROOT}/_meta/owner`]: 'lf-other' });
    expect(await claimRoot(b.client, ROOT, 'lf-me', 2000)).toBe('taken');
  });

  it('is taken by a line online with no owner said (a browser of an older version)', async () => {
    const b = brokerWith({ [`${ROOT}/_meta/status`]: 'online' });
    expect(await claimRoot(b.client, ROOT, 'lf-me', 2000)).toBe('taken');
  });

  it('is free once the other browser has gone (its will said offline), and free for its own owner', async () => {
    expect(await claimRoot(brokerWith({ [`${ROOT}/_meta/status`]: 'offline', [`${ROOT}/_meta/owner`]: 'lf-other' }).client, ROOT, 'lf-me', 2000)).toBe('free');
    expect(await claimRoot(brokerWith({ [`${ROOT}/_meta/status`]: 'online', [`${ROOT}/_meta/owner`]: 'lf-me' }).client, ROOT, 'lf-me', 2000)).toBe('free');
  });

  it('waits for what the broker keeps however slowly it comes (not a fixed time)', async () => {
    const b = brokerWith({ [`${ROOT}/_meta/status`]: 'online', [`${ROOT}/_meta/owner`]: 'lf-other' }, 300);
    expect(await claimRoot(b.client, ROOT, 'lf-me', 2000)).toBe('taken');
  });

  it('decides on what came when the broker never answers its marker', async () => {
    const started = Date.now();
    expect(await claimRoot(brokerWith({}, 1, false).client, ROOT, 'lf-me', 50)).toBe('free');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('reads only its own root: a neighbour online does not hold it', async () => {
    const b = brokerWith({ 'learning-factory/school/lab/bench-3/_meta/status': 'online' });
    expect(await claimRoot(b.client, ROOT, 'lf-me', 2000)).toBe('free');
  });
});
