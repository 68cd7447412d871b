/**
 * The event loop: jump from one tick at which something can change to the next, never paying
 * for idle ticks. At each such tick: warm-up baseline, alarm scan, shelving expiries, fault
 * timers, station timers (in station order), then settle the flow of parts.
 */
import { evaluateStoppedAlarms, expireShelves, nextShelfExpiry, scanAlarms } from './alarms';
import { changeWip } from './accounting';
import { checkRestored, faultDue } from './faults';
import { settle, sourceDue } from './flow';
import { completionOf } from './packml';
import { finishWork } from './process';
import type { State, StationCounters } from './state';
import { finishTask } from './tasks';
import { NEVER } from './time';
import { markStation } from './worklist';
import { setPack } from './accounting';

/** Stations that can have timers: buffers and sinks are passive and never do. */
function timedStations(s: State): Int32Array {
  let list = timedCache.get(s.model);
  if (list === undefined) {
    list = Int32Array.from(s.model.stations.filter((x) => x.type !== 'buffer' && x.type !== 'sink').map((x) => x.index));
    timedCache.set(s.model, list);
  }
  return list;
}
const timedCache = new WeakMap<object, Int32Array>();

/** Timers due at the tick nextEventTick found, gathered in the same pass (scratch, not state). */
// A const object, not module-level `let`s: those pay a TDZ check on every read in ESM.
const due = { stations: new Int32Array(64), stationCount: 0, faults: new Int32Array(64), faultCount: 0, shelf: NEVER };

/** The next tick at which anything can change; remembers which timers fall due then. */
function nextEventTick(s: State, timed: Int32Array): number {
  let next = s.nextScan;
  if (s.baseline === null && s.model.warmupTicks < next) next = s.model.warmupTicks;
  if (due.shelf < next) next = due.shelf;
  const stations = s.stations;
  if (due.stations.length < timed.length) due.stations = new Int32Array(timed.length * 2);
  due.stationCount = 0;
  for (let k = 0; k < timed.length; k++) {
    const i = timed[k]!;
    const n = stations[i]!.next;
    if (n < next) {
      next = n;
      due.stationCount = 0;
    }
    if (n === next) due.stations[due.stationCount++] = i;
  }
  const faults = s.faults;
  if (due.faults.length < faults.length) due.faults = new Int32Array(faults.length * 2);
  due.faultCount = 0;
  for (let fi = 0; fi < faults.length; fi++) {
    const n = faults[fi]!.next;
    if (n < next) {
      next = n;
      due.faultCount = 0;
      due.stationCount = 0;
    }
    if (n === next) due.faults[due.faultCount++] = fi;
  }
  return next;
}

function copyCounters(c: StationCounters): StationCounters {
  return { ...c, stateTicks: c.stateTicks.slice() };
}

/** Fold running integrals up to now and remember the counters: KPIs are measured from here. */
export function takeBaseline(s: State): void {
  const t = s.tick;
  for (const st of s.stations) {
    st.c.stateTicks[st.pack] = (st.c.stateTicks[st.pack] ?? 0) + (t - st.packSince);
    st.packSince = t;
    if (st.busySince >= 0) {
      st.c.busyTicks += t - st.busySince;
      st.busySince = t;
    }
    st.c.levelTicks += st.queue.length * (t - st.levelSince);
    st.levelSince = t;
  }
  changeWip(s, 0, 0, 0);
  s.baseline = { tick: t, line: { ...s.line }, stations: s.stations.map((st) => copyCounters(st.c)) };
}

function stationDue(s: State, i: number): void {
  const st = s.stations[i]!;
  const t = s.tick;
  st.next = NEVER;
  markStation(s, i);
  if (st.actingUntil <= t) setPack(s, i, completionOf(st.pack));
  if (st.task !== null && st.task.until <= t) {
    finishTask(s, i);
    // A repair can remove the cause of a stop without a state change: its alarm clears now.
    evaluateStoppedAlarms(s, i);
  }
  if (st.workEnd <= t) finishWork(s, i);
  if (st.nextRelease <= t) sourceDue(s, i);
}

function step(s: State): void {
  const t = s.tick;
  if (s.baseline === null && t >= s.model.warmupTicks) takeBaseline(s);
  if (s.nextScan <= t) {
    scanAlarms(s);
    s.nextScan = t + s.model.scanTicks;
  }
  if (due.shelf <= t) expireShelves(s);
  // Due timers: faults first, then stations, each in index order. A timer that a fault
  // moves is checked again here; one that falls due now is taken on the next pass.
  const faults = s.faults;
  for (let k = 0; k < due.faultCount; k++) {
    const fi = due.faults[k]!;
    if (faults[fi]!.next <= t) faultDue(s, fi);
  }
  const stations = s.stations;
  for (let k = 0; k < due.stationCount; k++) {
    const i = due.stations[k]!;
    if (stations[i]!.next <= t) stationDue(s, i);
  }
  settle(s);
  if (s.model.hasLineFaults) {
    checkRestored(s);
    settle(s);
  }
}

/**
 * Advance the state to `toTick`, processing every event at ticks up to and including it. The
 * state is changed in place: the caller owns it (take a snapshot first to keep the old one).
 */
export function advance(s: State, toTick: number): void {
  if (toTick < s.tick) throw new Error(`cannot advance backwards from tick ${s.tick} to ${toTick}`);
  if (toTick >= NEVER) throw new Error(`tick ${toTick} is beyond the longest run the engine can simulate (${NEVER - 1} ticks)`);
  let guard = 0;
  let last = -1;
  const timed = timedStations(s);
  // Shelves change only by commands (between advance calls) or by expiring inside step.
  due.shelf = s.alarms.length > 0 ? nextShelfExpiry(s) : NEVER;
  for (;;) {
    const t = nextEventTick(s, timed);
    if (t > toTick) break;
    if (t === last) {
      guard += 1;
      if (guard > 100_000) throw new Error(`engine made no progress at tick ${t}`);
    } else {
      guard = 0;
      last = t;
    }
    s.tick = Math.max(t, s.tick);
    const shelvesDue = due.shelf <= s.tick;
    step(s);
    if (shelvesDue) due.shelf = nextShelfExpiry(s);
  }
  s.tick = toTick;
}
