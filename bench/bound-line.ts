/**
 * A bound for the engine's cost per event (issue 15), printed by `npm run bench` between the
 * engine's figure and the floor's: the reference line written by hand for this one line, as
 * the floor is (bench/floor-line.ts: one scan of fifteen timers per event, only the event's
 * machine and its neighbours touched, a finished part pushed on hop by hop), but keeping what
 * the engine's state must keep at every event, in the engine's own shapes:
 *
 * - parts as objects (id, release tick, lot, dimension, defect, rework, route), carried through
 *   the buffers' queues: lead time, SPC and the 3D view read them;
 * - per station its PackML state with the time spent in each (Execute ⇄ Suspended as the
 *   interlock changes), the interlock, the part in work and the finished one, the work's end
 *   and remaining time, cycle start and last cycle time, busy clock, counters (processed, good,
 *   scrap, failures, repair time), parts on the tool, the buffers' level integral;
 * - the busy-time failure timers re-aimed whenever a machine starts or stops being busy;
 * - the line's WIP integral, lead-time sum, good and scrap counts, and the state log;
 * - the process time sampled from the machine's distribution and scaled by its speed setpoint.
 *
 * It leaves out all that makes the engine general (any layout, station kinds, the worklist
 * that fixes the order of ties, an agenda of any timers, faults of every type, alarms, sensors,
 * lots, commands): it is what this line costs with the engine's state and nothing else, so the
 * engine, which must also be general, cannot be expected to come in under it. Measured here
 * with objects as the engine keeps them; the same model with every per-station field in typed
 * arrays ran slower, not faster (V8, Node 20).
 *
 * A peer model like the floor: not the engine, not used by it, checked only by printing its
 * throughput beside the others (they should agree to a few per cent over 30 days).
 */
import { sample, type Distribution } from '../src/engine/core/distributions';
import { dlog } from '../src/engine/core/dmath';
import { Interlock, Pack, type PackState } from '../src/engine/core/packml';
import { createStream, nextFloat, nextOpenFloat, type RngState } from '../src/engine/core/rng';
import { LOG_LIMIT, type Part } from '../src/engine/core/state';
import { NEVER, TICKS_PER_SECOND } from '../src/engine/core/time';

const MACHINES = 5;
const PROCESS_SECONDS = [50, 55, 60, 52, 48];
const CAPACITY = 5;
const MTBF_TICKS = 36_000;
const MTTR_TICKS = 3_000;
const SCRAP = 0.02;
const TICKS_PER_DAY = 864_000;
const PACK_STATES = 18;

interface Counters {
  stateTicks: number[];
  processed: number;
  good: number;
  scrap: number;
  failures: number;
  repairTicks: number;
  busyTicks: number;
  levelTicks: number;
}

interface Station {
  pack: PackState;
  packSince: number;
  interlock: Interlock;
  work: Part | null;
  workEnd: number;
  workRemaining: number;
  cycleStart: number;
  lastCycleTicks: number;
  done: Part | null;
  busySince: number;
  partsOnTool: number;
  downSince: number;
  speed: number;
  /** A buffer's waiting parts. */
  queue: Part[];
  levelSince: number;
  rng: RngState;
  qrng: RngState;
  c: Counters;
}

interface Breakdown {
  /** The station's busy ticks at which it fails. */
  busyTarget: number;
  /** When it fails at the present busy rate, or NEVER while the machine is idle or down. */
  next: number;
  repairEnd: number;
  rng: RngState;
}

export interface BoundResult {
  readonly events: number;
  readonly good: number;
  readonly scrap: number;
}

function station(seed: number, k: number): Station {
  return {
    pack: Pack.Execute,
    packSince: 0,
    interlock: Interlock.None,
    work: null,
    workEnd: NEVER,
    workRemaining: 0,
    cycleStart: 0,
    lastCycleTicks: 0,
    done: null,
    busySince: -1,
    partsOnTool: 0,
    downSince: -1,
    speed: 100,
    queue: [],
    levelSince: 0,
    rng: createStream(seed, `bound:${k}`),
    qrng: createStream(seed, `bound:q${k}`),
    c: { stateTicks: new Array<number>(PACK_STATES).fill(0), processed: 0, good: 0, scrap: 0, failures: 0, repairTicks: 0, busyTicks: 0, levelTicks: 0 },
  };
}

const exponential = (rng: RngState, mean: number) => -mean * dlog(nextOpenFloat(rng));

export function runBoundLine(days: number, seed: number): BoundResult {
  const end = days * TICKS_PER_DAY;
  const times: Distribution[] = PROCESS_SECONDS.map((value) => ({ kind: 'fixed', value }));
  // Machine k is followed by buffer k (the last machine by the inspection, then the sink).
  const machines = PROCESS_SECONDS.map((_, k) => station(seed, k));
  const buffers = machines.slice(1).map((_, k) => station(seed, MACHINES + k));
  const inspection = station(seed, 2 * MACHINES);
  const sink = station(seed, 2 * MACHINES + 1);
  const breakdowns: Breakdown[] = machines.map((_, k) => {
    const rng = createStream(seed, `bound:f${k}`);
    return { busyTarget: exponential(rng, MTBF_TICKS), next: NEVER, repairEnd: NEVER, rng };
  });
  const line = { released: 0, good: 0, scrap: 0, exited: 0, leadTicksSum: 0, wipTicks: 0, wipSince: 0 };
  const log: { tick: number; station: number; from: PackState; to: PackState }[] = [];
  let t = 0;
  let nextPartId = 1;
  let events = 0;

  const changeWip = (released: number, exited: number) => {
    line.wipTicks += (line.released - line.exited) * (t - line.wipSince);
    line.wipSince = t;
    line.released += released;
    line.exited += exited;
  };
  const setPack = (st: Station, to: PackState) => {
    if (st.pack === to) return;
    st.c.stateTicks[st.pack]! += t - st.packSince;
    st.packSince = t;
    st.pack = to;
  };
  const isRunning = (st: Station) => st.pack === Pack.Execute || st.pack === Pack.Suspended;
  const updateInterlock = (st: Station) => {
    if (!isRunning(st)) return;
    const interlock = st.work !== null ? Interlock.None : st.done !== null ? Interlock.Blocked : Interlock.Starved;
    setPack(st, interlock === Interlock.None ? Pack.Execute : Pack.Suspended);
    st.interlock = interlock;
  };
  const setBusy = (k: number, busy: boolean) => {
    const st = machines[k]!;
    if (busy === st.busySince >= 0) return;
    if (busy) st.busySince = t;
    else {
      st.c.busyTicks += t - st.busySince;
      st.busySince = -1;
    }
    const f = breakdowns[k]!;
    f.next = st.busySince >= 0 ? st.busySince + Math.max(0, Math.ceil(f.busyTarget - st.c.busyTicks)) : NEVER;
  };
  const touchLevel = (b: Station) => {
    b.c.levelTicks += b.queue.length * (t - b.levelSince);
    b.levelSince = t;
  };
  const release = (): Part => {
    changeWip(1, 0);
    return { id: nextPartId++, born: t, lot: '', dim: null, charOf: -1, defect: false, rework: 0, t: 0 };
  };
  const begin = (k: number, part: Part) => {
    const st = machines[k]!;
    st.work = part;
    const seconds = Math.max(0, sample(times[k]!, st.rng));
    st.workRemaining = Math.max(1, Math.round(seconds * TICKS_PER_SECOND * (100 / Math.max(1, st.speed))));
    st.cycleStart = t;
    st.workEnd = t + st.workRemaining;
    setBusy(k, true);
    updateInterlock(st);
  };
  const exit = (part: Part, scrapped: boolean) => {
    line.leadTicksSum += t - part.born;
    changeWip(0, 1);
    if (scrapped) {
      line.scrap += 1;
      inspection.c.scrap += 1;
      return;
    }
    line.good += 1;
    sink.c.processed += 1;
    sink.c.good += 1;
  };
  // The zero-time final inspection takes the last machine's part, judges it and passes it on.
  const inspect = (part: Part) => {
    inspection.work = part;
    inspection.cycleStart = t;
    inspection.c.processed += 1;
    inspection.work = null;
    inspection.lastCycleTicks = 0;
    const scrapped = nextFloat(inspection.qrng) < SCRAP;
    if (!scrapped) inspection.c.good += 1;
    part.t = scrapped ? 0 : -1;
    exit(part, scrapped);
  };
  // Machine k, running and empty, takes the next part: the first from an endless supply, the
  // others from the buffer before them, which wakes the machine that may be blocked behind it.
  const pull = (k: number): void => {
    const st = machines[k]!;
    if (!isRunning(st) || st.work !== null || st.done !== null) return;
    if (k === 0) {
      begin(0, release());
      return;
    }
    const b = buffers[k - 1]!;
    const part = b.queue[0];
    if (part === undefined) return;
    touchLevel(b);
    b.queue.shift();
    begin(k, part);
    push(k - 1);
  };
  // Machine k, running, hands its finished part on, then takes the next.
  const push = (k: number): void => {
    const st = machines[k]!;
    const part = st.done;
    if (part === null || !isRunning(st)) return;
    if (k === MACHINES - 1) {
      st.done = null;
      inspect(part);
    } else {
      const b = buffers[k]!;
      if (b.queue.length >= CAPACITY) return;
      st.done = null;
      part.t = 0;
      touchLevel(b);
      b.queue.push(part);
      pull(k + 1);
    }
    updateInterlock(st);
    pull(k);
  };
  const finish = (k: number) => {
    const st = machines[k]!;
    const part = st.work!;
    st.work = null;
    st.workEnd = NEVER;
    st.workRemaining = 0;
    st.lastCycleTicks = t - st.cycleStart;
    setBusy(k, false);
    st.c.processed += 1;
    st.partsOnTool += 1;
    if (!part.defect) st.c.good += 1;
    st.done = part;
    updateInterlock(st);
    push(k);
  };
  const stop = (k: number, to: PackState) => {
    const st = machines[k]!;
    log.push({ tick: t, station: k, from: st.pack, to });
    if (log.length > LOG_LIMIT + 500) log.splice(0, log.length - LOG_LIMIT);
    setPack(st, to);
  };
  const fail = (k: number) => {
    const st = machines[k]!;
    const f = breakdowns[k]!;
    setBusy(k, false);
    f.next = NEVER;
    if (st.work !== null) {
      st.workRemaining = st.workEnd - t;
      st.workEnd = NEVER;
    }
    stop(k, Pack.Held);
    st.c.failures += 1;
    st.downSince = t;
    f.repairEnd = t + Math.max(1, Math.round(exponential(f.rng, MTTR_TICKS)));
  };
  const repair = (k: number) => {
    const st = machines[k]!;
    const f = breakdowns[k]!;
    f.repairEnd = NEVER;
    f.busyTarget = st.c.busyTicks + exponential(f.rng, MTBF_TICKS);
    stop(k, Pack.Execute);
    st.c.repairTicks += t - st.downSince;
    st.downSince = -1;
    if (st.work !== null) {
      st.workEnd = t + st.workRemaining;
      setBusy(k, true);
    } else {
      updateInterlock(st);
      push(k);
      pull(k);
    }
  };

  for (let k = MACHINES - 1; k >= 0; k--) pull(k);
  for (;;) {
    let top = NEVER;
    let due = -1;
    // 0..4 work ends, 5..9 failures, 10..14 repairs: fifteen timers, as the floor scans.
    for (let k = 0; k < MACHINES; k++) {
      const f = breakdowns[k]!;
      if (f.next < top) {
        top = f.next;
        due = MACHINES + k;
      }
      if (f.repairEnd < top) {
        top = f.repairEnd;
        due = 2 * MACHINES + k;
      }
      const w = machines[k]!.workEnd;
      if (w < top) {
        top = w;
        due = k;
      }
    }
    if (top > end) break;
    t = top;
    events++;
    if (due < MACHINES) finish(due);
    else if (due < 2 * MACHINES) fail(due - MACHINES);
    else repair(due - 2 * MACHINES);
  }
  return { events, good: line.good, scrap: line.scrap };
}
