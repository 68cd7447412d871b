/**
 * Gateway benchmark (printed, never asserted). The gateway runs as `npm run gateway` does, in
 * its own process; a 20-station line runs here at 60× in real time and is published as the
 * page publishes it (an observation every 200 ms of wall time, over MQTT on WebSocket); a
 * subscriber on TCP takes every topic, as MQTT Explorer would. Prints messages per second, the
 * latency from the engine's observation to the subscriber (p50, p99), and the gateway's CPU and
 * memory. `npm run bench:gateway` (LF_BENCH_SECONDS, default 20, sets how long).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { advance, createState, type Observation, observe } from '../src/engine';
import { loadScenarioJson } from '../src/scenario';
import { connectLine } from '../src/session/line-link/connect';
import { DEFAULT_PATH, rootOf } from '../src/session/line-link/namespace';
import { type LineSource, MIN_INTERVAL_MS, startPublisher } from '../src/session/line-link/publisher';
import { freePort, killGroup } from '../tests/server/processes';

const SECONDS = Number(process.env.LF_BENCH_SECONDS ?? 20);
const SPEED = 60;
const OBSERVE_MS = 200;
const STATIONS = 20;

/** A flow line of 20 stations: a source, nine machine + buffer pairs, and a sink. */
function twentyStations(): Record<string, unknown> {
  const stations: Record<string, unknown>[] = [{ id: 'SRC', type: 'source' }];
  const connections: [string, string][] = [];
  let prev = 'SRC';
  for (let k = 1; k <= (STATIONS - 2) / 2; k++) {
    stations.push({ id: `M${k}`, type: 'machine', processTime: { dist: 'triangular', min: '40s', mode: '50s', max: '65s' } }, { id: `B${k}`, type: 'buffer', capacity: 4 });
    connections.push([prev, `M${k}`], [`M${k}`, `B${k}`]);
    prev = `B${k}`;
  }
  stations.push({ id: 'OUT', type: 'sink' });
  connections.push([prev, 'OUT']);
  return { format: 1, id: 'bench-20', title: 'Twenty stations', briefing: 'Benchmark', seed: 7, duration: '7d', alarms: { defaults: 'states' }, line: { stations, connections } };
}

/** CPU seconds and resident memory of a process group, from /proc (to the clock tick, not ps's whole seconds). */
function usage(pgid: number): { cpuS: number; rssMb: number } {
  const pids = execFileSync('ps', ['-o', 'pid=', '-g', String(pgid)], { encoding: 'utf8' }).split('\n').map((l) => l.trim()).filter(Boolean);
  let ticks = 0;
  let rssPages = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      rssPages += Number(fields[21]);
    } catch {
      // The process ended between ps and the read.
    }
  }
  return { cpuS: ticks / 100, rssMb: (rssPages * 4096) / 1e6 };
}

async function gatewayProcess(env: Record<string, string>): Promise<ChildProcess> {
  const p = spawn('node_modules/.bin/tsx', ['src/gateway/main.ts'], { env: { ...process.env, ...env }, detached: true });
  let out = '';
  p.stdout?.on('data', (d) => (out += d));
  p.stderr?.on('data', (d) => (out += d));
  for (let k = 0; k < 600 && !out.includes('Stop with Ctrl+C'); k++) await new Promise((r) => setTimeout(r, 100));
  if (!out.includes('Stop with Ctrl+C')) {
    killGroup(p);
    throw new Error(`the gateway did not start: ${out}`);
  }
  return p;
}

const pct = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

async function main() {
  const ports = { MQTT_PORT: String(await freePort()), MQTT_WS_PORT: String(await freePort()), OPCUA_PORT: String(await freePort()), OPCUA_PKI_DIR: mkdtempSync(join(tmpdir(), 'lf-pki-')) };
  const gw = await gatewayProcess(ports);
  try {
    const loaded = loadScenarioJson(twentyStations());
    if (!loaded.ok) throw new Error('the bench line does not load');
    const model = loaded.model;
    const s = createState(model, 7);
    const root = rootOf({ ...DEFAULT_PATH, line: model.id });
    const originMs = Date.now();
    /** Wall time (ms, performance clock) at which each observed tick was handed to the publisher. */
    const observedAt = new Map<number, number>();
    const listeners = new Set<(o: Observation) => void>();
    const source: LineSource = {
      model,
      title: 'Twenty stations',
      originMs,
      readOnly: false,
      watch: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      send: async () => ({ accepted: false, reason: 'bench', refusal: null }),
    };

    const sub = await mqtt.connectAsync(`mqtt://127.0.0.1:${ports.MQTT_PORT}`);
    const latencies: number[] = [];
    const stateLatencies: number[] = [];
    let received = 0;
    sub.on('message', (topic, payload) => {
      received++;
      const at = performance.now();
      const text = payload.toString();
      const i = text.indexOf('"timestamp":"');
      if (i < 0) return;
      const tick = Math.round((Date.parse(text.slice(i + 13, i + 37)) - originMs) / 100);
      const sent = observedAt.get(tick);
      if (sent === undefined) return;
      latencies.push(at - sent);
      if (topic.endsWith('/Status/StateCurrent')) stateLatencies.push(at - sent);
    });
    await sub.subscribeAsync(`${root}/#`, { qos: 0 });

    const client = connectLine(`ws://127.0.0.1:${ports.MQTT_WS_PORT}`, root, 'bench-browser');
    await new Promise<void>((r) => client.once('connect', () => r()));
    const publisher = startPublisher(client, source, root);
    await new Promise((r) => setTimeout(r, 500));

    const ticksPerObservation = (SPEED * OBSERVE_MS) / 100;
    const before = usage(gw.pid!);
    received = 0;
    const sentBefore = publisher.sent();
    const t0 = performance.now();
    for (let k = 1; performance.now() - t0 < SECONDS * 1000; k++) {
      advance(s, s.tick + ticksPerObservation);
      const o = observe(s);
      // The first second publishes every topic at once (the birth): the steady state is measured.
      if (k > 1000 / OBSERVE_MS) observedAt.set(o.tick, performance.now());
      for (const l of listeners) l(o);
      const wait = t0 + k * OBSERVE_MS - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await new Promise((r) => setTimeout(r, 500));
    const wall = (performance.now() - t0) / 1000;
    const after = usage(gw.pid!);
    const published = publisher.sent() - sentBefore;
    console.log(
      `gateway, ${STATIONS}-station line at ${SPEED}× for ${wall.toFixed(1)} s of wall time (${((s.tick / 10 / 60) | 0)} min simulated):\n` +
        `  published ${published} messages (${(published / wall).toFixed(0)}/s), subscriber received ${received} (${(received / wall).toFixed(0)}/s)\n` +
        `  latency observation → subscriber, every value (a topic is published at most every ${MIN_INTERVAL_MS} ms, so a value that changes faster waits): p50 ${pct(latencies, 0.5).toFixed(1)} ms, p99 ${pct(latencies, 0.99).toFixed(1)} ms (${latencies.length} samples)\n` +
        `  latency of a state change (StateCurrent, never held back): p50 ${pct(stateLatencies, 0.5).toFixed(1)} ms, p99 ${pct(stateLatencies, 0.99).toFixed(1)} ms (${stateLatencies.length} samples)\n` +
        `  gateway process (broker + OPC UA mirror): CPU ${(((after.cpuS - before.cpuS) / wall) * 100).toFixed(1)} % of one core, RSS ${after.rssMb.toFixed(0)} MB`,
    );
    publisher.stop();
    await client.endAsync(true);
    await sub.endAsync(true);
  } finally {
    killGroup(gw);
  }
}

await main();
