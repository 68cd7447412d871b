/**
 * The event loop: jump from one tick at which something can change to the next, never paying
 * for idle ticks. At each such tick, the timers due on the agenda in its order (warm-up
 * baseline, alarm scan, shelving expiries, fault timers, station timers in station order),
 * then settle the flow of parts.
 */
import { evaluateStoppedAlarms, expireShelves, nextShelfExpiry, scanAlarms } from '../systems/alarms';
import { checkRestored, faultDue } from '../systems/faults';
import { changeWip } from '../write/ledger';
import { finishWork, pauseStation, resumeStation } from '../systems/process';
import type { State, StationCounters } from '../core/state';
import { setPack, wireTransitions } from '../write/transitions';
import { settle, sourceDue } from '../systems/flow';
import { completionOf } from '../core/packml';
import { finishTask } from '../systems/tasks';
import { NEVER } from '../core/time';
import {
  agendaTop,
  closeAgenda,
  dueCount,
  dueTimer,
  firstFaultTimer,
  firstStationTimer,
  LineTimer,
  lineNext,
  openAgenda,
  setLineNext,
  setStationNext,
  takeDue,
} from '../core/agenda';
import { clearWorklist, markStation } from '../core/worklist';

// The loop runs the systems, so it is where a state transition learns what they do about it
// (transitions.ts imports none of them; see there).
wireTransitions({ paused: pauseStation, resumed: resumeStation, stateChanged: evaluateStoppedAlarms });

/** The next tick at which anything can change; takes the timers due then off the agenda. */
function nextEventTick(s: State): number {
  const top = agendaTop(s);
  if (top < NEVER) takeDue(top);
  return top;
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
  setStationNext(s, i, NEVER);
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

function lineDue(s: State, timer: LineTimer): void {
  const t = s.tick;
  if (lineNext(timer) > t) return;
  switch (timer) {
    case LineTimer.Warmup:
      if (s.baseline === null) takeBaseline(s);
      setLineNext(s, LineTimer.Warmup, NEVER);
      return;
    case LineTimer.Scan:
      scanAlarms(s);
      setLineNext(s, LineTimer.Scan, t + s.model.scanTicks);
      return;
    case LineTimer.Shelf:
      expireShelves(s);
      setLineNext(s, LineTimer.Shelf, nextShelfExpiry(s));
      return;
  }
}

function step(s: State): void {
  const t = s.tick;
  // Due timers in the agenda's order: the line's, then faults, then stations, each in index
  // order. A timer that an earlier one moves is checked again here; one that falls due now is
  // taken on the next pass.
  const faults = s.faults;
  const stations = s.stations;
  const firstFault = firstFaultTimer();
  const firstStation = firstStationTimer();
  const n = dueCount();
  for (let k = 0; k < n; k++) {
    const timer = dueTimer(k);
    if (timer >= firstStation) {
      const i = timer - firstStation;
      if (stations[i]!.next <= t) stationDue(s, i);
    } else if (timer >= firstFault) {
      const fi = timer - firstFault;
      if (faults[fi]!.next <= t) faultDue(s, fi);
    } else {
      lineDue(s, timer as LineTimer);
    }
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
  openAgenda(s);
  // Shelves change only by commands (between advance calls) or by expiring inside step.
  setLineNext(s, LineTimer.Warmup, s.baseline === null ? s.model.warmupTicks : NEVER);
  setLineNext(s, LineTimer.Scan, s.nextScan);
  setLineNext(s, LineTimer.Shelf, s.alarms.length > 0 ? nextShelfExpiry(s) : NEVER);
  try {
    loop(s, toTick);
  } finally {
    closeAgenda();
    clearWorklist();
  }
  s.tick = toTick;
}

function loop(s: State, toTick: number): void {
  let guard = 0;
  let last = -1;
  for (;;) {
    const t = nextEventTick(s);
    if (t > toTick) break;
    if (t === last) {
      guard += 1;
      if (guard > 100_000) throw new Error(`engine made no progress at tick ${t}`);
    } else {
      guard = 0;
      last = t;
    }
    s.tick = Math.max(t, s.tick);
    step(s);
  }
}
