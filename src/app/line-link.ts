/**
 * The open run, published to the gateway's broker while the student has *Connect the line*
 * switched on: a live run takes commands back (recorded with their origin), a replay is served
 * read-only. One connection per run, with the run's topic root in its will; a lost broker is
 * tried again every second and, once back, given the line's retained values anew. A root another
 * browser publishes is not taken over: the student is asked to name the line. The engine goes on
 * in its worker whatever the network does.
 */
import type { MqttClient } from 'mqtt';
import type { Observation } from '../engine';
import { textOf } from '../scenario';
import { addressProblem } from '../session/line-link/address';
import { claimRoot } from '../session/line-link/claim';
import { DEFAULT_PATH, GATEWAY_ENDPOINTS, LEVEL, META_OWNER, rootOf } from '../session/line-link/namespace';
import { type LineSource, type Publisher, startPublisher } from '../session/line-link/publisher';
import type { SparkplugEdge } from '../session/line-link/sparkplug';
import { getSession } from '../session/saved-sessions';
import type { SimStoreApi } from '../store/sim-store';
import { lineLinkSettings, lineLinkStatus } from '../ui/line-link-state';

interface Link {
  readonly key: string;
  readonly client: MqttClient;
  /** Started once the root is known to be this browser's (see claim.ts). */
  publisher: Publisher | null;
  sparkplug: SparkplugEdge | null;
}

/**
 * Who publishes, as the broker is told (`_meta/owner`): this page, not one connection, so that a
 * new connection for the next run on the same root is not refused because the last one's
 * `offline` has not reached the broker yet. (Each connection still has its own MQTT client id.)
 */
const PAGE_OWNER = `lf-${Math.random().toString(36).slice(2, 10)}`;

/** Which run is open, as the link knows it: a new key makes a new connection. */
function runKey(store: SimStoreApi, url: string, sparkplug: boolean, line: string): string | null {
  const s = store.getState();
  if (s.scenario === null || store.frame.model === null) return null;
  const how = `${url} ${sparkplug ? 'sparkplug' : 'uns'} ${line}`;
  if (s.phase === 'running') return `${how} live ${s.runId ?? s.scenario.id}`;
  if (s.phase === 'replay' && s.replay !== null) return `${how} replay ${s.replay.session.scenarioHash} ${s.replay.session.createdAt ?? ''}`;
  return null;
}

/** The wall-clock moment of tick 0: the session's own start where it was kept, else now less the simulated time. */
async function originOf(store: SimStoreApi): Promise<number> {
  const s = store.getState();
  const created = s.phase === 'replay' ? s.replay?.session.createdAt : s.runId === null ? undefined : (await getSession(s.runId).catch(() => null))?.file.createdAt;
  const parsed = created === undefined ? Number.NaN : Date.parse(created);
  return Number.isFinite(parsed) ? parsed : Date.now() - (s.observation?.seconds ?? 0) * 1000;
}

export function startLineLink(store: SimStoreApi): void {
  let link: Link | null = null;
  let opening: string | null = null;
  const close = () => {
    if (link === null) return;
    link.publisher?.stop();
    link.client.end();
    void link.sparkplug?.stop();
    link = null;
  };
  const sync = async () => {
    const { on, url, sparkplug, line } = lineLinkSettings.get();
    if (!on) {
      close();
      lineLinkStatus.set({ kind: 'off' });
      return;
    }
    const problem = addressProblem(url) ?? (line === '' || LEVEL.test(line) ? null : 'badLineName');
    if (problem !== null) {
      close();
      lineLinkStatus.set({ kind: 'problem', problem });
      return;
    }
    const key = runKey(store, url, sparkplug, line);
    if (key === link?.key || key === opening) return;
    close();
    if (key === null) {
      lineLinkStatus.set({ kind: 'idle' });
      return;
    }
    opening = key;
    const originMs = await originOf(store);
    // mqtt.js is loaded only once a student switches the link on.
    const { connectLine } = await import('../session/line-link/connect');
    const spb = sparkplug ? await import('../session/line-link/sparkplug') : null;
    opening = null;
    const now = lineLinkSettings.get();
    if (runKey(store, now.url, now.sparkplug, now.line) !== key || !now.on) return void sync();
    const s = store.getState();
    const model = store.frame.model!;
    // The line level is the student's own name for the line, or the scenario's id.
    const path = { ...DEFAULT_PATH, line: line === '' ? model.id : line };
    const root = rootOf(path);
    const readOnly = s.phase === 'replay';
    const source: LineSource = {
      model,
      title: textOf(s.scenario!.title, 'en'),
      originMs,
      readOnly,
      watch(listener) {
        const o = store.getState().observation;
        if (o !== null) listener(o);
        return store.subscribe((now, prev) => {
          if (now.observation !== prev.observation && now.observation !== null) listener(now.observation as Observation);
        });
      },
      send: (command) => store.getState().sendExternal(command),
    };
    const id = `lf-${Math.random().toString(36).slice(2, 10)}`;
    const client = connectLine(url, root, id);
    lineLinkStatus.set({ kind: 'connecting', url });
    let opcua: string | null = null;
    // A connection closed since (another run, switched off) says nothing more.
    const current = () => link?.client === client;
    const claimed = () => {
      if (!current()) return;
      client.publish(`${root}/${META_OWNER}`, PAGE_OWNER, { qos: 1, retain: true });
      lineLinkStatus.set({ kind: 'connected', url, root, readOnly, opcua });
      client.subscribe(GATEWAY_ENDPOINTS, { qos: 1 });
    };
    client.once('connect', () => {
      // Publish only under a root no other browser holds; the first connection asks the broker.
      void claimRoot(client, root, PAGE_OWNER).then((claim) => {
        if (!current() || link === null) return;
        if (claim === 'taken') {
          lineLinkStatus.set({ kind: 'taken', root });
          client.end();
          return;
        }
        claimed();
        link.publisher = startPublisher(client, source, root);
        link.sparkplug = spb === null ? null : spb.startSparkplug(url, source, path, `${id}-spb`);
        // A broker that comes back is given the owner again (the publisher gives it the rest).
        client.on('connect', claimed);
      });
    });
    client.on('message', (topic, payload) => {
      if (topic !== GATEWAY_ENDPOINTS) return;
      try {
        const said = (JSON.parse(payload.toString()) as { opcua?: unknown }).opcua;
        opcua = typeof said === 'string' && said.startsWith('opc.tcp://') ? said : null;
      } catch {
        opcua = null;
      }
      if (current() && lineLinkStatus.get().kind === 'connected') lineLinkStatus.set({ kind: 'connected', url, root, readOnly, opcua });
    });
    client.on('offline', () => current() && lineLinkStatus.set({ kind: 'connecting', url }));
    client.on('error', () => current() && lineLinkStatus.set({ kind: 'connecting', url }));
    link = { key, client, publisher: null, sparkplug: null };
  };
  const run = () => void sync();
  store.subscribe((now, prev) => {
    if (now.phase !== prev.phase || now.runId !== prev.runId || now.replay?.session !== prev.replay?.session || now.scenario !== prev.scenario) run();
  });
  lineLinkSettings.subscribe(run);
  run();
}
