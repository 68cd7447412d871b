/**
 * The agenda: every pending timer of the line, a fault or a station in one indexed binary heap,
 * so finding the next event costs O(1) and changing a timer O(log n), instead of a scan of the
 * whole line at every event (which made a 200-station line 2.4x as costly per event as a
 * 10-station one).
 *
 * Entries are keyed by (tick, timer), as SimPy keys its queue by (time, priority, id). Timers are
 * numbered: the line's own (the warm-up baseline, the alarm scan, shelve expiry: `LineTimer`),
 * then faults, then stations, so at one tick they come in that order, faults and stations each
 * in index order: the engine's order of events, written here once. (A station's maintenance
 * task, acting state, work and release are its one timer: the earliest of them.)
 *
 * Each timer has at most one entry (its position is kept), so a timer moved to another tick is
 * moved in the heap, and one set to NEVER leaves it: no stale entries pile up. The heap learns
 * of a change only when it is next asked for the top: a timer changed during one event tick is
 * marked, and `agendaTop` moves each marked timer once, to where it ended up. Within one tick a
 * timer often moves more than once (a station's is cleared when it falls due and set again after
 * the flow settles; a busy-time fault's is stopped and restarted when a machine finishes a part
 * and takes the next), so this saves heap work without changing what the heap answers.
 *
 * Scratch, not state: `advance` builds the agenda from the state's `next` fields when it starts
 * and drops it when it returns, so a snapshot, a restore or a command between two calls never
 * has to keep it in step. While it runs, every change of a timer goes through `setFaultNext` /
 * `setStationNext`.
 */
import type { State } from './state';
import { NEVER } from './time';

/** The line's timers, in the order they run at one tick (before every fault and station). */
export const LineTimer = {
  /** End of warm-up: KPIs are measured from the baseline taken then. */
  Warmup: 0,
  /** The periodic scan of the sensor alarm rules. */
  Scan: 1,
  /** The earliest end of a shelved alarm's shelving. */
  Shelf: 2,
} as const;
export type LineTimer = (typeof LineTimer)[keyof typeof LineTimer];
const LINE_TIMERS = 3;

// One const object rather than module-level `let`s (those pay a TDZ check on every read in ESM).
const a = {
  /** True while `advance` keeps a heap (a line too big to scan). */
  heaped: false,
  /** Timers in heap order. */
  heap: new Int32Array(64),
  size: 0,
  /** Each timer's position in `heap`, or -1 when it has no entry. */
  pos: new Int32Array(64).fill(-1),
  /** Each timer's tick while it has an entry. */
  tick: new Int32Array(64),
  /** Timer number of fault 0 (the number of line timers). */
  firstFault: LINE_TIMERS,
  /** Timer number of station 0. */
  firstStation: LINE_TIMERS,
  /** The line timers' ticks (the scan's is also the state's `nextScan`). */
  line: new Int32Array(LINE_TIMERS).fill(NEVER),
  /** A small line keeps no heap: its timers are scanned (see SCAN_LIMIT). */
  scan: false,
  /** Scan mode: the stations that can have a timer (buffers and sinks never do). */
  timed: new Int32Array(64),
  timedCount: 0,
  /** Heap mode: timers changed since the heap was last brought up to date, and a flag per timer. */
  dirty: new Int32Array(64),
  dirtyCount: 0,
  isDirty: new Uint8Array(64),
  /** The timers taken by the last `takeDue`, in order (scan mode: found by `agendaTop`). */
  due: new Int32Array(64),
  dueCount: 0,
  scanCount: 0,
};

/**
 * Up to this many timers a scan of the tick array beats keeping a heap (measured with
 * `npm run bench`: on the 12-station reference line the heap's upkeep cost ~50 ns per event,
 * a scan of its ~20 ticks less than that). Both give the same order, so hashes do not move.
 */
const SCAN_LIMIT = 32;

function siftUp(i: number, timer: number): void {
  const heap = a.heap;
  const pos = a.pos;
  const ticks = a.tick;
  const t = ticks[timer]!;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    const pt = ticks[p]!;
    if (pt < t || (pt === t && p < timer)) break;
    heap[i] = p;
    pos[p] = i;
    i = parent;
  }
  heap[i] = timer;
  pos[timer] = i;
}

function siftDown(i: number, timer: number): void {
  const heap = a.heap;
  const pos = a.pos;
  const ticks = a.tick;
  const n = a.size;
  const t = ticks[timer]!;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    let child = heap[c]!;
    let ct = ticks[child]!;
    if (c + 1 < n) {
      const r = heap[c + 1]!;
      const rt = ticks[r]!;
      if (rt < ct || (rt === ct && r < child)) {
        c += 1;
        child = r;
        ct = rt;
      }
    }
    if (t < ct || (t === ct && timer < child)) break;
    heap[i] = child;
    pos[child] = i;
    i = c;
  }
  heap[i] = timer;
  pos[timer] = i;
}

function remove(timer: number): void {
  const i = a.pos[timer]!;
  a.pos[timer] = -1;
  a.size -= 1;
  if (i === a.size) return;
  const last = a.heap[a.size]!;
  if (i > 0) {
    const p = a.heap[(i - 1) >> 1]!;
    const lt = a.tick[last]!;
    const pt = a.tick[p]!;
    if (lt < pt || (lt === pt && last < p)) {
      siftUp(i, last);
      return;
    }
  }
  siftDown(i, last);
}

function set(timer: number, tick: number): void {
  const i = a.pos[timer]!;
  if (tick >= NEVER) {
    if (i >= 0) remove(timer);
    return;
  }
  if (i < 0) {
    a.tick[timer] = tick;
    siftUp(a.size++, timer);
    return;
  }
  const old = a.tick[timer]!;
  if (old === tick) return;
  a.tick[timer] = tick;
  if (tick < old) siftUp(i, timer);
  else siftDown(i, timer);
}

/** Start keeping the agenda for this state (from `advance`, until `closeAgenda`). */
export function openAgenda(s: State): void {
  const faults = s.faults;
  const stations = s.stations;
  const timers = LINE_TIMERS + faults.length + stations.length;
  if (a.heap.length < timers) {
    a.due = new Int32Array(timers * 2);
    a.heap = new Int32Array(timers * 2);
    a.pos = new Int32Array(timers * 2);
    a.tick = new Int32Array(timers * 2);
    a.dirty = new Int32Array(timers * 2);
    a.isDirty = new Uint8Array(timers * 2);
  }
  a.firstStation = LINE_TIMERS + faults.length;
  a.size = 0;
  a.line.fill(NEVER);
  a.scan = timers <= SCAN_LIMIT;
  if (a.scan) {
    if (a.timed.length < stations.length) a.timed = new Int32Array(stations.length * 2);
    a.timedCount = 0;
    for (let i = 0; i < stations.length; i++) {
      const type = s.model.stations[i]!.type;
      if (type !== 'buffer' && type !== 'sink') a.timed[a.timedCount++] = i;
    }
    return;
  }
  a.pos.fill(-1);
  for (let fi = 0; fi < faults.length; fi++) set(LINE_TIMERS + fi, faults[fi]!.next);
  for (let i = 0; i < stations.length; i++) set(a.firstStation + i, stations[i]!.next);
  a.heaped = true;
}

export function closeAgenda(): void {
  a.heaped = false;
  a.size = 0;
  for (let k = 0; k < a.dirtyCount; k++) a.isDirty[a.dirty[k]!] = 0;
  a.dirtyCount = 0;
}

/** Heap mode: note that a timer changed (the heap is brought up to date in `agendaTop`). */
function touch(timer: number): void {
  if (a.isDirty[timer] !== 0) return;
  a.isDirty[timer] = 1;
  a.dirty[a.dirtyCount++] = timer;
}

/** Move every timer changed since the last call to where the state now has it. */
function reconcile(s: State): void {
  const firstStation = a.firstStation;
  for (let k = 0; k < a.dirtyCount; k++) {
    const timer = a.dirty[k]!;
    a.isDirty[timer] = 0;
    const tick =
      timer >= firstStation ? s.stations[timer - firstStation]!.next : timer >= LINE_TIMERS ? s.faults[timer - LINE_TIMERS]!.next : a.line[timer]!;
    set(timer, tick);
  }
  a.dirtyCount = 0;
}

/**
 * Set one of the line's timers (`advance` sets all three after `openAgenda`). The scan's tick is
 * state (`nextScan`, kept in snapshots); warm-up and shelve expiry follow from the state.
 */
export function setLineNext(s: State, timer: LineTimer, tick: number): void {
  if (timer === LineTimer.Scan) s.nextScan = tick;
  a.line[timer] = tick;
  if (a.heaped) touch(timer);
}

/** The tick a line timer is set to (NEVER when it is not). */
export function lineNext(timer: LineTimer): number {
  return a.line[timer]!;
}

export function setFaultNext(s: State, fi: number, tick: number): void {
  s.faults[fi]!.next = tick;
  if (a.heaped) touch(LINE_TIMERS + fi);
}

export function setStationNext(s: State, i: number, tick: number): void {
  s.stations[i]!.next = tick;
  if (a.heaped) touch(a.firstStation + i);
}

/** The earliest tick of any timer, or NEVER. */
export function agendaTop(s: State): number {
  a.dueCount = 0;
  if (a.scan) return scanTop(s);
  if (a.dirtyCount > 0) reconcile(s);
  return a.size > 0 ? a.tick[a.heap[0]!]! : NEVER;
}

/** Scan mode: one pass over the state's own timers finds the earliest tick and the timers due then. */
function scanTop(s: State): number {
  const due = a.due;
  let top = NEVER;
  let n = 0;
  const line = a.line;
  for (let k = 0; k < LINE_TIMERS; k++) {
    const t = line[k]!;
    if (t < top) {
      top = t;
      n = 0;
    }
    if (t === top) due[n++] = k;
  }
  const faults = s.faults;
  for (let k = 0; k < faults.length; k++) {
    const t = faults[k]!.next;
    if (t < top) {
      top = t;
      n = 0;
    }
    if (t === top) due[n++] = LINE_TIMERS + k;
  }
  const stations = s.stations;
  const timed = a.timed;
  const firstStation = a.firstStation;
  for (let k = 0; k < a.timedCount; k++) {
    const i = timed[k]!;
    const t = stations[i]!.next;
    if (t < top) {
      top = t;
      n = 0;
    }
    if (t === top) due[n++] = firstStation + i;
  }
  a.scanCount = top < NEVER ? n : 0;
  return top;
}

/**
 * Take every timer due at `tick` (the agenda's top, just asked for) off the agenda, into the due
 * list (`dueCount`, `dueTimer`), in order: line timers, faults, stations, each in number order.
 * A timer set again to this tick afterwards is back on the agenda.
 */
export function takeDue(tick: number): void {
  if (a.scan) {
    a.dueCount = a.scanCount; // agendaTop has listed them
    return;
  }
  let n = 0;
  while (a.size > 0) {
    const timer = a.heap[0]!;
    if (a.tick[timer]! > tick) break;
    remove(timer);
    a.due[n++] = timer;
  }
  a.dueCount = n;
}

/** How many timers the last takeDue took (0 until then). */
export function dueCount(): number {
  return a.dueCount;
}

/**
 * The k-th timer taken: a LineTimer below firstFaultTimer(), firstFaultTimer() + a fault's
 * index below firstStationTimer(), firstStationTimer() + a station's index from there.
 */
export function dueTimer(k: number): number {
  return a.due[k]!;
}

/** Timer number of fault 0. */
export function firstFaultTimer(): number {
  return a.firstFault;
}

/** Timer numbers from this one up are stations. */
export function firstStationTimer(): number {
  return a.firstStation;
}
