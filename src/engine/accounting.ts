/**
 * Bookkeeping shared by every part of the engine: PackML state changes with their time
 * accounting, busy time (which drives wear and operation-dependent failures), WIP and the
 * bounded event log.
 */
import { evaluateStoppedAlarms } from './alarms';
import { holdingCause } from './faults';
import { pauseStation, resumeStation } from './process';
import { isActing, isRunning, Pack } from './packml';
import { type LogEntry, LOG_LIMIT, type State, type StationState } from './state';
import { NEVER } from './time';
import { isProcess } from './model';
import { refreshThermal } from './thermal';
import { markStation } from './worklist';
import { setFaultNext } from './agenda';

export function pushLog(s: State, entry: LogEntry): void {
  s.log.push(entry);
  if (s.log.length > LOG_LIMIT + 500) s.log.splice(0, s.log.length - LOG_LIMIT);
}

function actingTicks(s: State, i: number, to: number): number {
  const t = s.model.transitionTicks;
  switch (to) {
    case Pack.Starting: {
      const spec = s.model.stations[i]!;
      return t.starting + (isProcess(spec) ? spec.setupTicks : 0);
    }
    case Pack.Stopping:
      return t.stopping;
    case Pack.Resetting:
      return t.resetting;
    case Pack.Clearing:
      return t.clearing;
    case Pack.Holding:
      return t.holding;
    case Pack.Unholding:
      return t.unholding;
    case Pack.Aborting:
      return t.aborting;
    default:
      return 0;
  }
}

/** Change a station's PackML state, recording the first-out stop reason (OMAC id). */
export function setPack(s: State, i: number, target: number, cause = 0): void {
  const st = s.stations[i]!;
  const from = st.pack;
  let to = target;
  let reason = cause;
  if (!isRunning(from) && isRunning(to)) {
    // The controller will not run while the cause of the stop is still there: straight back to Held.
    const still = holdingCause(s, i);
    if (still !== 0) {
      to = Pack.Held;
      reason = still;
      st.stopReason = 0;
    }
  }
  if (from === to) return;
  const t = s.tick;
  st.c.stateTicks[from] = (st.c.stateTicks[from] ?? 0) + (t - st.packSince);
  st.packSince = t;
  st.pack = to;
  st.actingUntil = isActing(to) ? t + actingTicks(s, i, to) : NEVER;
  const wasRunning = isRunning(from);
  const running = isRunning(to);
  if (running) {
    st.stopReason = 0;
    st.interlock = 0;
  } else if (st.stopReason === 0 && reason !== 0) {
    st.stopReason = reason;
  }
  // A reset acknowledges the stop: the first-out cause is cleared on reaching Idle.
  if (to === Pack.Idle) st.stopReason = 0;
  if (wasRunning && !running) pauseStation(s, i);
  if (!wasRunning && running) {
    resumeStation(s, i);
    if (st.downSince >= 0) {
      st.c.repairTicks += t - st.downSince;
      st.downSince = -1;
    }
  }
  if (wasRunning !== running) refreshThermal(s, i);
  if (!(wasRunning && running)) {
    pushLog(s, { tick: t, kind: 'state', station: s.model.stations[i]!.id, from, to, reason: st.stopReason });
    evaluateStoppedAlarms(s, i);
  }
  markStation(s, i);
}

/** The station's cumulative busy ticks at the current tick. */
export function cumulativeBusy(st: StationState, t: number): number {
  return st.c.busyTicks + (st.busySince >= 0 ? t - st.busySince : 0);
}

/** Start or stop counting busy time; busy-time fault timers follow. */
export function setBusy(s: State, i: number, busy: boolean): void {
  const st = s.stations[i]!;
  if (busy === st.busySince >= 0) return;
  if (busy) {
    st.busySince = s.tick;
  } else {
    st.c.busyTicks += s.tick - st.busySince;
    st.busySince = -1;
  }
  refreshBusyTimers(s, i);
}

/** Re-aim the faults that fire on the station's busy clock. */
export function refreshBusyTimers(s: State, i: number): void {
  const st = s.stations[i]!;
  const faults = s.model.faultsOf[i]!;
  for (let k = 0; k < faults.length; k++) {
    const fi = faults[k]!;
    const f = s.faults[fi]!;
    if (f.busyTarget < 0) continue;
    setFaultNext(s, fi, st.busySince >= 0 ? st.busySince + Math.max(0, f.busyTarget - st.c.busyTicks) : NEVER);
  }
}

export function changeWip(s: State, delta: number, released: number, exited: number): void {
  const l = s.line;
  const wip = l.released - l.exited - l.consumed;
  l.wipTicks += wip * (s.tick - l.wipSince);
  l.wipSince = s.tick;
  l.released += released;
  l.exited += exited;
  l.consumed += delta;
}

/** Keep the level integral of a buffer or conveyor current before its queue changes. */
export function touchLevel(s: State, i: number): void {
  const st = s.stations[i]!;
  st.c.levelTicks += st.queue.length * (s.tick - st.levelSince);
  st.levelSince = s.tick;
}
