import { scheduleTrigger } from '../systems/faults';
import { setBusy } from '../write/ledger';
import { emptyCounters, type State, type StationState } from '../core/state';
import { advance, takeBaseline } from './advance';
import { nextLot, settle } from '../systems/flow';
import type { LineModel } from '../core/model';
import { Pack } from '../core/packml';
import { createStream } from '../core/rng';
import { NEVER } from '../core/time';
import { markStation } from '../core/worklist';

function stationState(model: LineModel, i: number, seed: number): StationState {
  const spec = model.stations[i]!;
  const running = model.initialState === 'running';
  const warm = model.ambientC + (running ? 18 : 0);
  return {
    pack: running ? Pack.Execute : Pack.Stopped,
    packSince: 0,
    actingUntil: NEVER,
    interlock: 0,
    stopReason: 0,
    lockedOut: false,
    speed: 100,
    approvedSpeed: 100,
    queue: [],
    kit: spec.type === 'assembly' ? spec.inputs.map(() => null) : [],
    work: null,
    workRemaining: 0,
    workEnd: NEVER,
    cycleStart: 0,
    done: null,
    nextRelease: spec.type === 'source' && spec.interarrival !== null && running ? 0 : NEVER,
    owed: false,
    lotIndex: 0,
    lotLeft: 0,
    levelSince: 0,
    pausedAt: spec.type === 'conveyor' && !running ? 0 : -1,
    busySince: -1,
    partsOnTool: 0,
    toolOffset: 0,
    gaugeOffset: 0,
    lubeLevel: 100,
    thermal: { from: warm, since: 0, target: warm },
    lastCycleTicks: 0,
    lastDim: null,
    lastDimTick: -1,
    measured: [],
    task: null,
    downSince: -1,
    next: spec.type === 'buffer' || spec.type === 'sink' ? NEVER : 0,
    rng: createStream(seed, `station:${spec.id}:process`),
    qrng: createStream(seed, `station:${spec.id}:quality`),
    c: emptyCounters(),
  };
}

export interface CreateOptions {
  /** Leave every fault out: the fault-free twin of a run, for "production lost". */
  readonly withoutFaults?: boolean;
}

/** The model with no faults: every list of faults by station emptied too. */
function withoutFaults(model: LineModel): LineModel {
  const none = model.stations.map(() => []);
  return { ...model, faults: [], faultsOf: none, partFaultsOf: none, gripperFaultsOf: none, hasLineFaults: false };
}

/**
 * The state at tick 0 of a run of `model` with `seed`. Every random stream is derived from
 * the seed and a stable id, so the same inputs always give the same run.
 */
export function createState(model: LineModel, seed: number, options: CreateOptions = {}): State {
  const m: LineModel = options.withoutFaults ? withoutFaults(model) : model;
  const s: State = {
    model: m,
    seed: seed >>> 0,
    tick: 0,
    nextPartId: 1,
    eStop: false,
    stations: m.stations.map((_, i) => stationState(m, i, seed >>> 0)),
    faults: m.faults.map((f) => ({
      phase: 'pending',
      next: NEVER,
      busyTarget: -1,
      busyAtOnset: 0,
      onset: -1,
      resolvedAt: -1,
      repairEnd: NEVER,
      failed: false,
      frozen: 0,
      occurrences: 0,
      rng: createStream(seed >>> 0, `fault:${f.id}`),
    })),
    alarms: m.alarms.map(() => ({ phase: 'normal', active: false, pendingSince: -1, shelvedUntil: NEVER, lastChange: -1, raisedAt: -1, ackedAt: -1, activations: 0 })),
    nextScan: m.scanTicks > 0 ? 0 : NEVER,
    line: { released: 0, good: 0, scrap: 0, consumed: 0, exited: 0, leadTicksSum: 0, wipTicks: 0, wipSince: 0 },
    baseline: null,
    quarantined: [],
    checkResults: [],
    log: [],
    recentActivations: [],
    truth: { wrongRepairs: [], rightRepairs: [], safetyBreaches: [], diagnoses: [], checks: [], hints: [] },
  };
  for (let i = 0; i < m.stations.length; i++) {
    const spec = m.stations[i]!;
    if (spec.type === 'source' && spec.lots !== null) nextLot(s, i, true);
    if (spec.type === 'conveyor' && m.initialState === 'running') setBusy(s, i, true);
  }
  for (let fi = 0; fi < m.faults.length; fi++) scheduleTrigger(s, fi);
  if (m.warmupTicks === 0) takeBaseline(s);
  for (let i = 0; i < m.stations.length; i++) markStation(s, i);
  settle(s);
  advance(s, 0);
  return s;
}
