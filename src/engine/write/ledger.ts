/**
 * The ledger: the few primitives that write counters and clocks, with no consequences of their
 * own (a write layer: it calls no system). The event log, busy time (which drives wear and
 * operation-dependent failures: their timers move on the agenda), WIP, buffer levels, scrap and
 * the spindle's thermal lag.
 */
import { setFaultNext } from '../core/agenda';
import { LOG_LIMIT, type LogEntry, type Part, type State } from '../core/state';
import { temperatureAt, thermalTarget } from '../read/thermal';
import { NEVER } from '../core/time';

export function pushLog(s: State, entry: LogEntry): void {
  s.log.push(entry);
  if (s.log.length > LOG_LIMIT + 500) s.log.splice(0, s.log.length - LOG_LIMIT);
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

/** A part leaves the line as scrap at station i. */
export function scrapPart(s: State, i: number, part: Part): void {
  s.line.scrap += 1;
  s.line.leadTicksSum += s.tick - part.born;
  changeWip(s, 0, 0, 1);
  s.stations[i]!.c.scrap += 1;
}

/** Re-anchor the lag at the current temperature when the target changes. */
export function refreshThermal(s: State, i: number): void {
  const st = s.stations[i]!;
  const target = thermalTarget(s, i);
  if (target === st.thermal.target) return;
  st.thermal = { from: temperatureAt(st, s.tick), since: s.tick, target };
}
