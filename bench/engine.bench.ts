/**
 * Engine speed, printed (never asserted): the median of several runs of 30 simulated days, as
 * simulated seconds per wall second and events (ticks at which something happened) per second.
 *
 * `npm run bench` times the engine as it ships: bundled by esbuild into one function scope, the
 * way Vite builds the browser's engine worker (worker.format 'iife'). Run through tsx's ESM
 * loader instead (`npx tsx bench/engine.bench.ts`), or bundled as an ES module, the same code
 * measures about 25 % slower here: V8 runs functions declared at a module's top level slower
 * than the same functions inside one enclosing function (measured, Node 20).
 */
import { readFileSync } from 'node:fs';
import { advance, createState, type LineModel, stateHash } from '../src/engine';
import { describeErrors, loadScenarioJson } from '../src/scenario';
import { runBoundLine } from './bound-line';
import { runFloorLine } from './floor-line';
import { largeLineScenario } from './large-line';
import { scalingLineScenario } from './scaling-line';

function load(raw: unknown): LineModel {
  const r = loadScenarioJson(raw);
  if (!r.ok) throw new Error(describeErrors(r.errors));
  return r.model;
}

/** Count the event ticks of one run by stepping from event to event (outside the timed runs). */
function countEvents(model: LineModel, seed: number): number {
  const s = createState(model, seed);
  let events = 0;
  for (;;) {
    let next = s.nextScan;
    // Buffers and sinks are passive and keep no timer of their own.
    s.stations.forEach((st, i) => {
      const type = model.stations[i]!.type;
      if (type !== 'buffer' && type !== 'sink') next = Math.min(next, st.next);
    });
    for (const f of s.faults) next = Math.min(next, f.next);
    if (next > model.durationTicks) break;
    advance(s, Math.max(next, s.tick + 1));
    events++;
  }
  return events;
}

function median(xs: number[]): number {
  const a = xs.slice().sort((x, y) => x - y);
  return a[Math.floor(a.length / 2)]!;
}

/** Median wall time of `runs` runs (after two to warm the JIT up), the run's hash and its event count. */
function measure(model: LineModel, seed: number, runs: number): { ms: number; times: number[]; hash: string; events: number } {
  const times: number[] = [];
  let hash = '';
  for (let k = 0; k < runs + 2; k++) {
    const t0 = performance.now();
    const s = createState(model, seed);
    advance(s, model.durationTicks);
    const ms = performance.now() - t0;
    if (k >= 2) times.push(ms); // the first two runs warm the JIT up
    hash = stateHash(s);
  }
  return { ms: median(times), times, hash, events: countEvents(model, seed) };
}

function bench(name: string, model: LineModel, seed: number, runs: number): number {
  const { ms, times, hash, events } = measure(model, seed, runs);
  const simSeconds = model.durationTicks / 10;
  console.log(
    `${name.padEnd(28)} ${model.stations.length} stations  median ${ms.toFixed(1)} ms  ` +
      `(min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}, ${runs} runs)  ` +
      `${(simSeconds / (ms / 1000)).toExponential(2)} sim-s/s  ${((events / ms) * 1000).toExponential(2)} events/s  ` +
      `${((ms * 1e6) / events).toFixed(0)} ns/event  ${events} events  hash ${hash}`,
  );
  return (ms * 1e6) / events;
}

/** A peer model of the reference line (bench/bound-line.ts, bench/floor-line.ts), timed the same way. */
function peer(run: (days: number, seed: number) => { events: number; good: number }, days: number, runs: number): { ns: number; good: number } {
  const times: number[] = [];
  let r = run(days, 7);
  for (let k = 0; k < runs + 2; k++) {
    const t0 = performance.now();
    r = run(days, 7);
    if (k >= 2) times.push(performance.now() - t0);
  }
  return { ns: (median(times) * 1e6) / r.events, good: r.good };
}

const reference = load(JSON.parse(readFileSync('scenarios/reference-line5.json', 'utf8')));
console.log('Engine benchmark: 30 simulated days each (issue 15: the reference line at 100 ns per event or less).');
const engineNs = bench('reference-line5 (30 d)', reference, 7, 15);
const bound = peer(runBoundLine, 30, 15);
console.log(
  `${'  bound: this line by hand'.padEnd(28)} ${bound.ns.toFixed(0)} ns/event (bench/bound-line.ts; ${bound.good} good parts): ` +
    `the engine's state kept at every event, none of its generality; the engine costs ${(engineNs / bound.ns).toFixed(1)}x this`,
);
const lean = peer(runFloorLine, 30, 15);
console.log(
  `${'  floor: same line, leanest JS'.padEnd(28)} ${lean.ns.toFixed(0)} ns/event (bench/floor-line.ts; ${lean.good} good parts): ` +
    `the engine costs ${(engineNs / lean.ns).toFixed(1)}x the floor`,
);
bench('large line (30 d)', load(largeLineScenario()), 3, 5);

// Cost per event as the line grows (issue 15: within 1.5x of the 10-station line's at 200).
// The sizes take turns, round after round, and each size's median is kept: a burst of load on
// this machine (a shared VM) then slows every size alike instead of whichever ran during it.
console.log('Scaling: straight lines of machines and buffers, 10 simulated days each (sizes in turn, median of 5 rounds)');
console.log('stations  events     median ms   ns/event  vs 10 stations');
const sizes = [10, 50, 100, 200];
const lines = sizes.map((n) => load(scalingLineScenario(n, '10d')));
const rounds: number[][] = sizes.map(() => []);
for (let round = 0; round < 6; round++) {
  lines.forEach((model, k) => {
    const t0 = performance.now();
    const s = createState(model, 5);
    advance(s, model.durationTicks);
    const ms = performance.now() - t0;
    if (round > 0) rounds[k]!.push(ms); // the first round warms the JIT up
  });
}
let base = 0;
sizes.forEach((n, k) => {
  const ms = median(rounds[k]!);
  const events = countEvents(lines[k]!, 5);
  const ns = (ms * 1e6) / events;
  if (n === 10) base = ns;
  console.log(`${String(n).padStart(8)}  ${String(events).padEnd(9)}  ${ms.toFixed(1).padStart(9)}  ${ns.toFixed(0).padStart(8)}  ${(ns / base).toFixed(2)}x`);
});
