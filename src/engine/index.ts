/**
 * The engine's public face. A run is a pure function of (model, seed, command log):
 * createState → apply each command at its tick (advance happens inside) → advance to the end.
 */
export { advance } from './loop/advance';
export { apply } from './loop/commands';
export { COMMAND_ORIGINS, type Command, type CommandOrigin, type CommandResult, type CommandType } from './core/commands-types';
export { PANELS, type Panel, REPORT_FIGURES, type ReportFigure } from './core/commands-types';
export { createState, type CreateOptions } from './loop/create';
export type { Distribution } from './core/distributions';
export { dexp, dlog, dpow } from './core/dmath';
export { hash64 } from './core/hash';
export { kpis, type Kpis, type LineKpis, type Oee, type StationKpis } from './read/kpis';
export { RELEVANT_CHECKS } from './core/evidence';
export * from './core/model';
export { observe, truth, type AlarmView, type FaultTruth, type Observation, type SensorView, type StationView, type Truth } from './read/observe';
export { completionOf, Interlock, isActing, isRunning, Pack, PACK_NAMES, type PackCommand, type PackState, packName, STOP_REASON_TEXT, StopReason, stopReasonText, transition } from './core/packml';
export { REFUSAL_TEXT, type Refusal, type RefusalKey } from './core/refusals';
export { restore, snapshot, stateHash } from './read/snapshot';
export { CONVEYOR_AMPS } from './read/sensors';
export { CHECK_RULES, isStandstill, REPAIR_RULES, type WorkRule } from './systems/tasks';
export type { CheckResult, LogEntry, State, TruthLog } from './core/state';
export { NEVER, secondsToTicks, TICK_MS, TICKS_PER_SECOND, ticksToSeconds } from './core/time';
export { ENGINE_VERSION } from './core/version';
