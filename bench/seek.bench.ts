/**
 * Replay seek benchmark (printed, never asserted): a one-hour session of the breakdown drill
 * with a student's command log, its file size, the time to build the replay index (one pass
 * that also verifies the hashes), and the time to seek to random ticks: the state alone, and
 * as the engine service answers the page (the observation, the 3D frame and the hour of trends
 * before the moment, re-simulated and sampled), side by side.
 */
import { readFileSync } from 'node:fs';
import { type Command, observe } from '../src/engine';
import { describeErrors, loadScenarioJson } from '../src/scenario';
import { createEngineService, sceneOf } from '../src/session/engine-service';
import { replay } from '../src/session/record';
import { buildReplayIndex, seekIndex } from '../src/session/replay-index';
import { makeSession } from '../src/session/session-file';

const ONE_HOUR = 36_000;
const raw = JSON.parse(readFileSync('scenarios/breakdown-drill.json', 'utf8'));
const loaded = loadScenarioJson(raw);
if (!loaded.ok) throw new Error(describeErrors(loaded.errors));
const { model, scenario } = loaded;
const solution = JSON.parse(readFileSync('tests/solutions/breakdown-drill.json', 'utf8')) as { reference: Command[] };

// A busy student: the reference fix plus an acknowledgement or a check every couple of minutes.
const commands: Command[] = [...solution.reference];
for (let t = 1200; t < ONE_HOUR; t += 1170) commands.push({ type: 'check', tick: t, station: 'L1', check: 'handheld', sensor: 'vibration' });
commands.sort((a, b) => a.tick - b.tick);

const recorded = replay(model, scenario.seed, commands, ONE_HOUR);
const session = makeSession(scenario, scenario.seed, commands, ONE_HOUR, recorded.checkpoints);
const fileBytes = new TextEncoder().encode(JSON.stringify(session, null, 1)).length;

/** A small deterministic generator for the benchmark's random ticks (not the engine's). */
let x = 12345;
const nextTick = () => {
  x = (Math.imul(x, 1103515245) + 12345) >>> 0;
  return x % (ONE_HOUR + 1);
};

function median(xs: number[]): number {
  const a = xs.slice().sort((p, q) => p - q);
  return a[Math.floor(a.length / 2)]!;
}

for (let warm = 0; warm < 3; warm++) buildReplayIndex(model, session);
const t0 = performance.now();
const index = buildReplayIndex(model, session);
const buildMs = performance.now() - t0;
const snapBytes = index.keyframes.reduce((n, k) => n + k.snap.length, 0);

for (let k = 0; k < 50; k++) seekIndex(index, nextTick());
const times: number[] = [];
for (let k = 0; k < 300; k++) {
  const tick = nextTick();
  const s0 = performance.now();
  const { state } = seekIndex(index, tick);
  observe(state, 200);
  sceneOf(state);
  times.push(performance.now() - s0);
}
times.sort((a, b) => a - b);

// The same seeks through the engine service, as the page asks for them.
let replies = 0;
const service = createEngineService(() => {
  replies += 1;
});
let id = 0;
service({ type: 'openReplay', session, checked: { model, seed: scenario.seed }, id: ++id });
for (let k = 0; k < 50; k++) service({ type: 'seek', tick: nextTick(), id: ++id });
const served: number[] = [];
for (let k = 0; k < 300; k++) {
  const tick = nextTick();
  const s0 = performance.now();
  service({ type: 'seek', tick, id: ++id });
  served.push(performance.now() - s0);
}
served.sort((a, b) => a - b);
if (replies === 0) throw new Error('the engine service did not answer');
console.log(`Replay seek benchmark: one-hour breakdown-drill session, ${commands.length} commands, verification ${index.verification.reproduces ? 'reproduces' : 'DIVERGES'}`);
console.log(`session file            ${(fileBytes / 1024).toFixed(1)} kB (target: well under 200 kB)`);
console.log(`replay index build      ${buildMs.toFixed(1)} ms (${index.keyframes.length} keyframes, ${(snapBytes / 1024).toFixed(0)} kB of snapshots, ${index.markers.length} markers)`);
console.log(
  `seek to a random tick   median ${median(times).toFixed(2)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms over ${times.length} seeks (the state, its observation and 3D frame)`,
);
console.log(
  `  as the page gets it   median ${median(served).toFixed(2)} ms, p95 ${served[Math.floor(served.length * 0.95)]!.toFixed(2)} ms, max ${served.at(-1)!.toFixed(2)} ms over ${served.length} seeks (also the hour of trends before it; target: under 100 ms)`,
);
