/**
 * A floor for the engine's cost per event (issue 15), printed by `npm run bench` beside the
 * engine's own figure: the reference line (reference-line5.json: five fixed-time machines,
 * buffers of five, breakdowns on busy time with MTBF 3600 s and exponential repair of mean
 * 300 s, a zero-time final inspection scrapping 2 %) written as the leanest discrete-event model
 * we know how to write in JS: every field in a typed array, parts as integers, one pass over the
 * timers per event, the engine's own random streams and logarithm. It keeps none of what the
 * engine must (PackML states and their times, interlocks, levels, WIP, logs, alarms, sensors,
 * snapshots), so what it costs per event is about the least any JS engine can for this line.
 *
 * It is a peer model like SimPy's: not the engine, not used by it, checked only by printing its
 * throughput beside the engine's (they should agree to a few per cent over 30 days).
 */
import { dlog } from '../src/engine/core/dmath';
import { createStream, nextFloat, nextOpenFloat, type RngState } from '../src/engine/core/rng';
import { NEVER } from '../src/engine/core/time';

const MACHINES = 5;
const PROCESS_TICKS = [500, 550, 600, 520, 480];
const CAPACITY = 5;
const MTBF_TICKS = 36_000;
const MTTR_TICKS = 3_000;
const SCRAP = 0.02;
const TICKS_PER_DAY = 864_000;
const NO_PART = -1;

export interface FloorResult {
  readonly events: number;
  readonly good: number;
  readonly scrap: number;
}

const exponential = (rng: RngState, mean: number) => -mean * dlog(nextOpenFloat(rng));

export function runFloorLine(days: number, seed: number): FloorResult {
  const end = days * TICKS_PER_DAY;
  const work = new Int32Array(MACHINES).fill(NO_PART);
  const done = new Int32Array(MACHINES).fill(NO_PART);
  const workEnd = new Int32Array(MACHINES).fill(NEVER);
  const remaining = new Int32Array(MACHINES);
  const busySince = new Int32Array(MACHINES).fill(-1);
  const busyTicks = new Float64Array(MACHINES);
  const failAtBusy = new Float64Array(MACHINES);
  const failAt = new Int32Array(MACHINES).fill(NEVER);
  const down = new Uint8Array(MACHINES);
  const repairEnd = new Int32Array(MACHINES).fill(NEVER);
  const rng: RngState[] = [];
  for (let i = 0; i < MACHINES; i++) {
    rng.push(createStream(seed, `floor:${i}`));
    failAtBusy[i] = exponential(rng[i]!, MTBF_TICKS);
  }
  const inspection = createStream(seed, 'floor:qc');
  // Buffer k (between machine k and k + 1) as a ring of part numbers.
  const ring = new Int32Array((MACHINES - 1) * CAPACITY);
  const head = new Int32Array(MACHINES - 1);
  const level = new Int32Array(MACHINES - 1);
  let t = 0;
  let nextPart = 0;
  let good = 0;
  let scrap = 0;
  let events = 0;

  const setBusy = (i: number, busy: boolean) => {
    if (busy) {
      busySince[i] = t;
      failAt[i] = t + Math.max(0, Math.ceil(failAtBusy[i]! - busyTicks[i]!));
    } else {
      busyTicks[i] = busyTicks[i]! + (t - busySince[i]!);
      busySince[i] = -1;
      failAt[i] = NEVER;
    }
  };
  const begin = (i: number, part: number) => {
    work[i] = part;
    workEnd[i] = t + PROCESS_TICKS[i]!;
    setBusy(i, true);
  };
  // Blocking after service, as the engine: pass parts on until nothing moves.
  const settle = () => {
    for (let moved = true; moved; ) {
      moved = false;
      for (let i = MACHINES - 1; i >= 0; i--) {
        if (down[i] === 1) continue;
        if (done[i] !== NO_PART) {
          if (i === MACHINES - 1) {
            if (nextFloat(inspection) < SCRAP) scrap++;
            else good++;
            done[i] = NO_PART;
            moved = true;
          } else if (level[i]! < CAPACITY) {
            ring[i * CAPACITY + ((head[i]! + level[i]!) % CAPACITY)] = done[i]!;
            level[i] = level[i]! + 1;
            done[i] = NO_PART;
            moved = true;
          }
        }
        if (work[i] !== NO_PART || done[i] !== NO_PART) continue;
        if (i === 0) {
          begin(0, nextPart++);
          moved = true;
        } else if (level[i - 1]! > 0) {
          const k = i - 1;
          begin(i, ring[k * CAPACITY + head[k]!]!);
          head[k] = (head[k]! + 1) % CAPACITY;
          level[k] = level[k]! - 1;
          moved = true;
        }
      }
    }
  };

  settle();
  for (;;) {
    let top = NEVER;
    for (let i = 0; i < MACHINES; i++) top = Math.min(top, workEnd[i]!, repairEnd[i]!, failAt[i]!);
    if (top > end) break;
    t = top;
    events++;
    for (let i = 0; i < MACHINES; i++) {
      if (failAt[i]! <= t) {
        setBusy(i, false);
        down[i] = 1;
        if (work[i] !== NO_PART) {
          remaining[i] = workEnd[i]! - t;
          workEnd[i] = NEVER;
        }
        repairEnd[i] = t + Math.max(1, Math.round(exponential(rng[i]!, MTTR_TICKS)));
      }
      if (repairEnd[i]! <= t) {
        repairEnd[i] = NEVER;
        down[i] = 0;
        failAtBusy[i] = busyTicks[i]! + exponential(rng[i]!, MTBF_TICKS);
        if (work[i] !== NO_PART) {
          workEnd[i] = t + remaining[i]!;
          setBusy(i, true);
        }
      }
      if (workEnd[i]! <= t) {
        done[i] = work[i]!;
        work[i] = NO_PART;
        workEnd[i] = NEVER;
        setBusy(i, false);
      }
    }
    settle();
  }
  return { events, good, scrap };
}
