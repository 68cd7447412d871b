/**
 * The engine's public face. A run is a pure function of (model, seed, command log):
 * createState → apply each command at its tick (advance happens inside) → advance to the end.
 */
export { advance } from './advance';
export { apply } from './commands';
export { COMMAND_ORIGINS, type Command, type CommandOrigin, type CommandResult, type CommandType } from './commands-types';
export { PANELS, type Panel, REPORT_FIGURES, type ReportFigure } from './commands-types';
export { createState, type CreateOptions } from './create';
export type { Distribution } from './distributions';
export { dexp, dlog, dpow } from './dmath';
export { hash64 } from './hash';
export { kpis, type Kpis, type LineKpis, type Oee, type StationKpis } from './kpis';
export { RELEVANT_CHECKS } from './evidence';
export * from './model';
export { observe, truth, type AlarmView, type FaultTruth, type Observation, type SensorView, type StationView, type Truth } from './observe';
export { Interlock, Pack, PACK_NAMES, type PackCommand, type PackState, packName, STOP_REASON_TEXT, StopReason, stopReasonText } from './packml';
export { REFUSAL_TEXT, type Refusal, type RefusalKey } from './refusals';
export { restore, snapshot, stateHash } from './snapshot';
export { CHECK_RULES, isStandstill, REPAIR_RULES, type WorkRule } from './tasks';
export type { CheckResult, LogEntry, State, TruthLog } from './state';
export { NEVER, secondsToTicks, TICK_MS, TICKS_PER_SECOND, ticksToSeconds } from './time';
export { ENGINE_VERSION } from './version';
