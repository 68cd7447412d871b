/**
 * Station states and commands after PackML (ISA-TR88.00.02; DOMAIN §1). The numbers are the
 * PackTags Status.StateCurrent codes, not OPC UA TMC's.
 */
import { type Refusal, type RefusalKey, refusal } from './refusals';

export const Pack = {
  Clearing: 1,
  Stopped: 2,
  Starting: 3,
  Idle: 4,
  Suspended: 5,
  Execute: 6,
  Stopping: 7,
  Aborting: 8,
  Aborted: 9,
  Holding: 10,
  Held: 11,
  Unholding: 12,
  Suspending: 13,
  Unsuspending: 14,
  Resetting: 15,
  Completing: 16,
  Complete: 17,
} as const;

export type PackState = (typeof Pack)[keyof typeof Pack];

/** Each state's PackML name: every code has one (a Record over PackState, so none is missed). */
export const PACK_NAMES: Readonly<Record<PackState, string>> = {
  [Pack.Clearing]: 'Clearing',
  [Pack.Stopped]: 'Stopped',
  [Pack.Starting]: 'Starting',
  [Pack.Idle]: 'Idle',
  [Pack.Suspended]: 'Suspended',
  [Pack.Execute]: 'Execute',
  [Pack.Stopping]: 'Stopping',
  [Pack.Aborting]: 'Aborting',
  [Pack.Aborted]: 'Aborted',
  [Pack.Holding]: 'Holding',
  [Pack.Held]: 'Held',
  [Pack.Unholding]: 'Unholding',
  [Pack.Suspending]: 'Suspending',
  [Pack.Unsuspending]: 'Unsuspending',
  [Pack.Resetting]: 'Resetting',
  [Pack.Completing]: 'Completing',
  [Pack.Complete]: 'Complete',
};

/**
 * Why a running station waits (PackTags EquipmentInterlock): for nothing (it works), for a part
 * (starved) or for room downstream (blocked). Either of the last two makes it Suspended.
 */
export const Interlock = { None: 0, Starved: 1, Blocked: 2 } as const;
export type Interlock = (typeof Interlock)[keyof typeof Interlock];

export type PackCommand = 'reset' | 'start' | 'stop' | 'hold' | 'unhold' | 'suspend' | 'unsuspend' | 'abort' | 'clear';

/** PackML command codes: 1 Reset, 2 Start, 3 Stop, 4 Hold, 5 Unhold, 6 Suspend, 7 Unsuspend, 8 Abort, 9 Clear. */
export const PACK_COMMAND_CODES: Readonly<Record<PackCommand, number>> = {
  reset: 1,
  start: 2,
  stop: 3,
  hold: 4,
  unhold: 5,
  suspend: 6,
  unsuspend: 7,
  abort: 8,
  clear: 9,
};

/** Running mode: the station works or waits for material (Suspended = starved/blocked, an external reason). */
export function isRunning(s: number): boolean {
  // Literals, checked against the names by the compiler: this sits in the engine's innermost loop.
  return s === (6 satisfies typeof Pack.Execute) || s === (5 satisfies typeof Pack.Suspended);
}

/** Acting ("-ing") states end on state complete (SC); the others are wait states. */
export function isActing(s: number): boolean {
  return (
    s === Pack.Clearing ||
    s === Pack.Starting ||
    s === Pack.Stopping ||
    s === Pack.Aborting ||
    s === Pack.Holding ||
    s === Pack.Unholding ||
    s === Pack.Suspending ||
    s === Pack.Unsuspending ||
    s === Pack.Resetting ||
    s === Pack.Completing
  );
}

/** Where an acting state goes on state complete. */
export function completionOf(s: PackState): PackState {
  switch (s) {
    case Pack.Clearing:
      return Pack.Stopped;
    case Pack.Starting:
    case Pack.Unholding:
    case Pack.Unsuspending:
      return Pack.Execute;
    case Pack.Stopping:
      return Pack.Stopped;
    case Pack.Aborting:
      return Pack.Aborted;
    case Pack.Holding:
      return Pack.Held;
    case Pack.Suspending:
      return Pack.Suspended;
    case Pack.Resetting:
      return Pack.Idle;
    case Pack.Completing:
      return Pack.Complete;
    case Pack.Stopped:
    case Pack.Idle:
    case Pack.Suspended:
    case Pack.Execute:
    case Pack.Aborted:
    case Pack.Held:
    case Pack.Complete:
      // Wait states: nothing completes.
      return s;
  }
}

/**
 * The PackML transition table of DOMAIN §1: the acting state a command leads to from `s`,
 * or why it does not apply.
 */
export function transition(s: PackState, cmd: PackCommand): { to: PackState } | { refusal: Refusal } {
  const no = (key: RefusalKey) => ({ refusal: refusal(key, { state: s }) });
  switch (cmd) {
    case 'reset':
      return s === Pack.Stopped || s === Pack.Complete ? { to: Pack.Resetting } : no('resetFrom');
    case 'start':
      return s === Pack.Idle ? { to: Pack.Starting } : no('startFrom');
    case 'stop':
      return s === Pack.Stopping || s === Pack.Stopped || s === Pack.Aborting || s === Pack.Aborted || s === Pack.Clearing ? no('stopNotApplicable') : { to: Pack.Stopping };
    case 'hold':
      return isRunning(s) ? { to: Pack.Holding } : no('holdFrom');
    case 'unhold':
      return s === Pack.Held ? { to: Pack.Unholding } : no('unholdFrom');
    case 'suspend':
      return s === Pack.Execute ? { to: Pack.Suspending } : no('suspendFrom');
    case 'unsuspend':
      return s === Pack.Suspended ? { to: Pack.Unsuspending } : no('unsuspendFrom');
    case 'abort':
      return s === Pack.Aborting || s === Pack.Aborted ? no('abortAlready') : { to: Pack.Aborting };
    case 'clear':
      return s === Pack.Aborted ? { to: Pack.Clearing } : no('clearFrom');
  }
}

/**
 * Stop reason ids in the OMAC ranges (DOMAIN §1): 1-32 safety, 33-64 operator, 65-256 product,
 * 257-512 machine. A station records the first-out cause of each stop.
 */
export const StopReason = {
  None: 0,
  EStop: 1,
  OperatorStop: 33,
  OperatorHold: 34,
  OperatorAbort: 35,
  MaterialJam: 65,
  MachineJam: 257,
  DriveFault: 258,
  AirPressureLow: 259,
  PowerFailure: 260,
  OverTemperature: 261,
  BearingFailure: 262,
  LubricationFault: 263,
  SensorFault: 264,
} as const;
export type StopReason = (typeof StopReason)[keyof typeof StopReason];

export const STOP_REASON_TEXT: Readonly<Record<StopReason, string>> = {
  [StopReason.None]: '',
  [StopReason.EStop]: 'E-stop pushed',
  [StopReason.OperatorStop]: 'Operator stop',
  [StopReason.OperatorHold]: 'Operator hold',
  [StopReason.OperatorAbort]: 'Operator abort',
  [StopReason.MaterialJam]: 'Material jam',
  [StopReason.MachineJam]: 'Machine jam',
  [StopReason.DriveFault]: 'Drive fault',
  [StopReason.AirPressureLow]: 'Air pressure low',
  [StopReason.PowerFailure]: 'Power failure',
  [StopReason.OverTemperature]: 'Over-temperature',
  [StopReason.BearingFailure]: 'Bearing failure',
  [StopReason.LubricationFault]: 'Lubrication fault',
  [StopReason.SensorFault]: 'Sensor fault',
};

export function isOperatorReason(r: number): boolean {
  return r >= 33 && r <= 64;
}

/** PackML unit modes: 1 Production, 2 Maintenance, 3 Manual. */
export const UnitMode = { Production: 1, Maintenance: 2, Manual: 3 } as const;

/** The PackML name of a state code as it comes in a view or a log ("State 99" for a code PackML has not). */
export function packName(code: number): string {
  return (PACK_NAMES as Readonly<Record<number, string>>)[code] ?? `State ${code}`;
}

/** The text of a stop reason code as it comes in a view or a log ("Reason 99" for an unknown one). */
export function stopReasonText(code: number): string {
  return (STOP_REASON_TEXT as Readonly<Record<number, string>>)[code] ?? `Reason ${code}`;
}
