/**
 * A floor for the engine's cost per event (issue 15), printed by `npm run bench` beside the
 * engine's own figure: the reference line (reference-line5.json: five fixed-time machines,
 * buffers of five, breakdowns on busy time with MTBF 3600 s and exponential repair of mean
 * 300 s, a zero-time final inspection scrapping 2 %) written as the leanest discrete-event model
 * we know how to write in JS: every field in a typed array, one scan of fifteen timers per event,
 * and only the event's own machine and its neighbours touched: a finished part is pushed on, the
 * machine pulls the next, and a push that frees a place wakes the machine behind it, hop by hop
 * (an earlier floor settled the whole line in passes after every event and cost ~1.7x this).
 * It uses the engine's own random streams and logarithm, and keeps none of what the engine must
 * (PackML states and their times, interlocks, levels, WIP, logs, alarms, sensors, snapshots),
 * so what it costs per event is about the least any JS engine can for this line.
 *
 * It is a peer model like SimPy's: not the engine, not used by it, checked only by printing its
 * throughput beside the engine's (they should agree to a few per cent over 30 days).
 */
import { dlog } from '../src/engine/core/dmath';
import { createStream, nextFloat, nextOpenFloat, type RngState } from '../src/engine/core/rng';
import { NEVER } from '../src/engine/core/time';

const MACHINES = 5;
const LAST = MACHINES - 1;
const PROCESS_TICKS = new Int32Array([500, 550, 600, 520, 480]);
const CAPACITY = 5;
const MTBF_TICKS = 36_000;
const MTTR_TICKS = 3_000;
const SCRAP = 0.02;
const TICKS_PER_DAY = 864_000;

/** What fell due at a machine. */
const Due = { Failure: 0, Repair: 1, WorkEnd: 2 } as const;
type Due = (typeof Due)[keyof typeof Due];

export interface FloorResult {
  readonly events: number;
  readonly good: number;
  readonly scrap: number;
}

const exponential = (rng: RngState, mean: number) => -mean * dlog(nextOpenFloat(rng));

export function runFloorLine(days: number, seed: number): FloorResult {
  const end = days * TICKS_PER_DAY;
  // A machine holds at most one part, in process (working) or finished and waiting (holding).
  const working = new Uint8Array(MACHINES);
  const holding = new Uint8Array(MACHINES);
  const down = new Uint8Array(MACHINES);
  const workEnd = new Int32Array(MACHINES).fill(NEVER);
  const remaining = new Int32Array(MACHINES);
  const busySince = new Int32Array(MACHINES);
  const busyTicks = new Float64Array(MACHINES);
  const failAtBusy = new Float64Array(MACHINES);
  const failAt = new Int32Array(MACHINES).fill(NEVER);
  const repairEnd = new Int32Array(MACHINES).fill(NEVER);
  // Buffer k lies between machine k and k + 1; parts are alike, so a level is all it needs.
  const level = new Int32Array(MACHINES - 1);
  const rng: RngState[] = [];
  for (let i = 0; i < MACHINES; i++) {
    rng.push(createStream(seed, `floor:${i}`));
    failAtBusy[i] = exponential(rng[i]!, MTBF_TICKS);
  }
  const inspection = createStream(seed, 'floor:qc');
  let t = 0;
  let good = 0;
  let scrap = 0;
  let events = 0;

  const startBusy = (i: number) => {
    busySince[i] = t;
    failAt[i] = t + Math.max(0, Math.ceil(failAtBusy[i]! - busyTicks[i]!));
  };
  const stopBusy = (i: number) => {
    busyTicks[i] = busyTicks[i]! + (t - busySince[i]!);
    failAt[i] = NEVER;
  };
  // Machine i, idle and up, takes the next part: machine 0 from an endless supply, the others
  // from the buffer before them, which wakes the machine that may be blocked behind it.
  const pull = (i: number): void => {
    if (down[i] === 1 || working[i] === 1 || holding[i] === 1) return;
    if (i > 0) {
      if (level[i - 1] === 0) return;
      level[i - 1] = level[i - 1]! - 1;
    }
    working[i] = 1;
    workEnd[i] = t + PROCESS_TICKS[i]!;
    startBusy(i);
    if (i > 0) push(i - 1);
  };
  // Machine i, up, hands its finished part on (the last one through the inspection), then pulls.
  const push = (i: number): void => {
    if (down[i] === 1 || holding[i] === 0) return;
    if (i === LAST) {
      if (nextFloat(inspection) < SCRAP) scrap++;
      else good++;
    } else {
      if (level[i] === CAPACITY) return;
      level[i] = level[i]! + 1;
    }
    holding[i] = 0;
    if (i < LAST) pull(i + 1);
    pull(i);
  };

  for (let i = LAST; i >= 0; i--) pull(i);
  for (;;) {
    let top = NEVER;
    let machine = -1;
    let due: Due = Due.WorkEnd;
    for (let i = 0; i < MACHINES; i++) {
      if (failAt[i]! < top) {
        top = failAt[i]!;
        machine = i;
        due = Due.Failure;
      }
      if (repairEnd[i]! < top) {
        top = repairEnd[i]!;
        machine = i;
        due = Due.Repair;
      }
      if (workEnd[i]! < top) {
        top = workEnd[i]!;
        machine = i;
        due = Due.WorkEnd;
      }
    }
    if (top > end) break;
    t = top;
    events++;
    const i = machine;
    switch (due) {
      case Due.Failure:
        stopBusy(i);
        down[i] = 1;
        remaining[i] = workEnd[i]! - t;
        workEnd[i] = NEVER;
        repairEnd[i] = t + Math.max(1, Math.round(exponential(rng[i]!, MTTR_TICKS)));
        break;
      case Due.Repair:
        repairEnd[i] = NEVER;
        down[i] = 0;
        failAtBusy[i] = busyTicks[i]! + exponential(rng[i]!, MTBF_TICKS);
        if (working[i] === 1) {
          workEnd[i] = t + remaining[i]!;
          startBusy(i);
        } else {
          push(i);
          pull(i);
        }
        break;
      case Due.WorkEnd:
        stopBusy(i);
        workEnd[i] = NEVER;
        working[i] = 0;
        holding[i] = 1;
        push(i);
        break;
    }
  }
  return { events, good, scrap };
}
