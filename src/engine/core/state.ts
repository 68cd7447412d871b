/**
 * The simulation state. Everything here except `model` is plain JSON (no undefined, NaN or
 * Infinity; NEVER stands for "no time"), so a snapshot is JSON.stringify and a restore is
 * JSON.parse, and the canonical encoding for the state hash is the same string.
 */
import type { Command } from './commands-types';
import type { AlarmPriority, CheckKind, FaultType, LineModel, RepairAction } from './model';
import type { Interlock, PackState } from './packml';
import type { RngState } from './rng';

export interface Part {
  readonly id: number;
  /** Tick of release into the line. */
  readonly born: number;
  readonly lot: string;
  /** True value of the characteristic, or null when no machine set one. */
  dim: number | null;
  /** Index of the machine whose characteristic the part carries, or -1. */
  charOf: number;
  /** Nonconforming for a reason a gauge does not see (bad material, a dropped part). */
  defect: boolean;
  rework: number;
  /** Conveyor: tick of arrival at the far end. Inspection: the chosen output index. */
  t: number;
}

export interface Thermal {
  /** Temperature at `since`, °C. */
  from: number;
  since: number;
  target: number;
}

export interface MaintenanceTask {
  readonly kind: 'repair' | 'check';
  readonly action: RepairAction | CheckKind;
  readonly start: number;
  readonly until: number;
  /** Sensor kind or lot id the task is aimed at ("" for none). */
  readonly target: string;
  readonly safe: boolean;
}

/** Cumulative counters of one station; KPIs are the difference against the warm-up baseline. */
export interface StationCounters {
  /** Ticks spent in each PackML state, indexed by the state code. */
  stateTicks: number[];
  processed: number;
  good: number;
  scrap: number;
  rework: number;
  failures: number;
  /** Ticks from each failure to its restoration. */
  repairTicks: number;
  busyTicks: number;
  /** Buffer level integral (parts × ticks). */
  levelTicks: number;
}

export function emptyCounters(): StationCounters {
  return { stateTicks: new Array<number>(18).fill(0), processed: 0, good: 0, scrap: 0, rework: 0, failures: 0, repairTicks: 0, busyTicks: 0, levelTicks: 0 };
}

export interface StationState {
  pack: PackState;
  packSince: number;
  /** End of the current acting state, or NEVER. */
  actingUntil: number;
  /** PackTags Status.EquipmentInterlock: 0 none, 1 starved, 2 blocked. */
  interlock: Interlock;
  /** First-out stop reason (OMAC id), 0 while running. */
  /** OMAC stop reason id (StopReason names the well-known ones; a scenario may use any 257-512). */
  stopReason: number;
  lockedOut: boolean;
  speed: number;
  approvedSpeed: number;
  /** Waiting parts: a buffer's FIFO, a conveyor's parts in transit. */
  queue: Part[];
  /** Assembly: one slot per input. */
  kit: (Part | null)[];
  /** The part in process. */
  work: Part | null;
  workRemaining: number;
  workEnd: number;
  /**
   * When the part in process started, moved on by every stop while it was in: its cycle time
   * (lastCycleTicks) is the time the station ran on it, so one part interrupted by a repair does
   * not read as a slow cycle once the station runs again.
   */
  cycleStart: number;
  /** A finished part that cannot leave yet (blocking after service). */
  done: Part | null;
  /** Source: next release tick, pending-release flag, lot bookkeeping. */
  nextRelease: number;
  owed: boolean;
  lotIndex: number;
  lotLeft: number;
  levelSince: number;
  /** Tick it stopped running, or -1: a conveyor's belt whenever it stops, another station's only with a part in it. */
  pausedAt: number;
  busySince: number;
  partsOnTool: number;
  toolOffset: number;
  gaugeOffset: number;
  lubeLevel: number;
  thermal: Thermal;
  lastCycleTicks: number;
  lastDim: number | null;
  lastDimTick: number;
  /** The last measured parts (gauge readings), oldest first, for SPC: [tick, value] pairs. */
  measured: [number, number][];
  task: MaintenanceTask | null;
  /** Tick the station last stopped for an equipment fault (for MTTR), or -1. */
  downSince: number;
  /** Earliest tick anything of this station is due. */
  next: number;
  rng: RngState;
  qrng: RngState;
  c: StationCounters;
}

export type FaultPhase = 'pending' | 'active' | 'resolved';

export interface FaultState {
  phase: FaultPhase;
  /** When the trigger fires (calendar) or NEVER. */
  next: number;
  /** For busy-time triggers and wear-out: the station's cumulative busy ticks at which it fires. */
  busyTarget: number;
  /** Station busy ticks at onset (wear grows from here). */
  busyAtOnset: number;
  onset: number;
  resolvedAt: number;
  /** Automatic repair finishes at this tick, or NEVER. */
  repairEnd: number;
  /** Wear-out faults: the breakdown has happened. */
  failed: boolean;
  /** Sensor stuck: the frozen reading. */
  frozen: number;
  occurrences: number;
  rng: RngState;
}

export type AlarmPhase = 'normal' | 'unack' | 'ack' | 'rtnUnack' | 'shelved' | 'suppressed';

export interface AlarmState {
  /** ISA-18.2 state (DOMAIN §3). */
  phase: AlarmPhase;
  /** The alarm condition after delays. */
  active: boolean;
  /** First tick the raw condition disagreed with `active` (for on/off delays), or -1. */
  pendingSince: number;
  shelvedUntil: number;
  lastChange: number;
  /** When the condition last became active (the alarm's time in the list), or -1. */
  raisedAt: number;
  /** When the current activation was acknowledged, or -1. */
  ackedAt: number;
  activations: number;
}

export type LogEntry =
  | { readonly tick: number; readonly kind: 'state'; readonly station: string; readonly from: number; readonly to: number; readonly reason: number }
  | { readonly tick: number; readonly kind: 'alarm'; readonly alarm: string; readonly phase: AlarmPhase; readonly priority: AlarmPriority }
  | { readonly tick: number; readonly kind: 'command'; readonly command: Command; readonly accepted: boolean; readonly reason: string }
  | { readonly tick: number; readonly kind: 'taskDone'; readonly station: string; readonly task: 'repair' | 'check'; readonly action: string; readonly target: string }
  | { readonly tick: number; readonly kind: 'lot'; readonly station: string; readonly lot: string };

export interface CheckResult {
  readonly tick: number;
  readonly station: string;
  readonly check: CheckKind;
  readonly target: string;
  readonly value: number;
  readonly unit: string;
  /** The datasheet's range for this reading, in `unit`: what a good one looks like. */
  readonly normal: readonly [number, number];
  /** What the technician reads off, e.g. "flank wear 0.12 mm" (English, for logs and the CLI). */
  readonly text: string;
  /** The same as a message key and its values, for the screen's language. */
  readonly message: { readonly key: string; readonly params: Readonly<Record<string, number | string>> };
}

/** The hidden part of the state: what happened, as the instructor and the assessment see it. */
export interface TruthLog {
  wrongRepairs: { tick: number; station: string; action: RepairAction; target: string }[];
  rightRepairs: { tick: number; station: string; action: RepairAction; fault: string }[];
  safetyBreaches: { tick: number; station: string; what: string }[];
  diagnoses: { tick: number; station: string; cause: FaultType; correct: boolean; fault: string }[];
  checks: { tick: number; station: string; check: CheckKind; target: string; relevant: boolean }[];
  hints: number[];
}

export interface LineCounters {
  released: number;
  good: number;
  scrap: number;
  /** Parts merged into another at an assembly. */
  consumed: number;
  exited: number;
  leadTicksSum: number;
  wipTicks: number;
  wipSince: number;
}

export interface State {
  readonly model: LineModel;
  seed: number;
  tick: number;
  nextPartId: number;
  eStop: boolean;
  stations: StationState[];
  faults: FaultState[];
  alarms: AlarmState[];
  nextScan: number;
  line: LineCounters;
  /** Counters at the end of warm-up; null until then. */
  baseline: { tick: number; line: LineCounters; stations: StationCounters[] } | null;
  quarantined: string[];
  checkResults: CheckResult[];
  log: LogEntry[];
  /** Alarm activation ticks in the last flood window (ISA-18.2 flood: >10 in 10 min). */
  recentActivations: number[];
  truth: TruthLog;
}

export const LOG_LIMIT = 2000;

/** The station's cumulative busy ticks at the current tick. */
export function cumulativeBusy(st: StationState, t: number): number {
  return st.c.busyTicks + (st.busySince >= 0 ? t - st.busySince : 0);
}
