/**
 * Two browsers must not publish one line: a class that runs the same drill against one gateway
 * would mix their values in one set of topics, and a command from an OPC UA client would reach
 * both. So before a browser publishes under a root it reads what the broker keeps there: a line
 * that is `online` and owned by another browser page holds the root. Its will (`offline`) frees it when
 * that browser goes away.
 *
 * When has the broker said all it keeps? Not after a fixed wait: a busy page (a 3D line drawn in
 * software) may run a timer before the messages that came in meanwhile. The broker handles one
 * client's packets in order, so the browser subscribes, then publishes a marker to itself: once
 * the marker is back, the retained messages (sent on subscribing) are in.
 */
import { META_CLAIM, META_OWNER, META_STATUS } from './namespace';
import type { MqttLike } from './publisher';

/** The longest to wait for the marker (a broker that never answers: decide on what came). */
export const CLAIM_TIMEOUT_MS = 5000;

export type Claim = 'free' | 'taken';

/** Whether `root` is free for the owner `me` (the id this browser page publishes as its owner; call once connected). */
export function claimRoot(client: MqttLike, root: string, me: string, timeoutMs = CLAIM_TIMEOUT_MS): Promise<Claim> {
  const status = `${root}/${META_STATUS}`;
  const owner = `${root}/${META_OWNER}`;
  const marker = `${root}/${META_CLAIM}`;
  const topics = [status, owner, marker];
  const decoder = new TextDecoder();
  const seen = new Map<string, string>();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.removeListener('message', listen as (...args: never[]) => void);
      client.unsubscribe(topics);
      const held = seen.get(status) === 'online' && seen.get(owner) !== me;
      resolve(held ? 'taken' : 'free');
    };
    const listen = (topic: string, payload: Uint8Array) => {
      const text = decoder.decode(payload);
      if (topic === marker) {
        if (text === me) done();
      } else if (topic === status || topic === owner) seen.set(topic, text);
    };
    const timer = setTimeout(done, timeoutMs);
    client.on('message', listen);
    client.subscribe(topics, { qos: 1 });
    client.publish(marker, me, { qos: 1, retain: false });
  });
}
