/**
 * Why a command was refused, as a message key with parameters: the screen renders it in the
 * student's language; the log and the CLI keep the English sentence (the log is part of the
 * hashed state, so its words must not depend on a screen's language). `station` is a station
 * id and `state` a PackML state code, so a screen can use its own names for both.
 */
export const REFUSAL_TEXT = {
  noControls: '{station} has no controls of its own',
  lockedOutRestart: '{station} is locked out: remove the lock-out first',
  eStopPushed: 'The E-stop is pushed: release the E-stop first',
  maintenanceRunning: 'Maintenance in progress on {station}: wait until it is finished',
  technicianBusy: 'A technician is already working on {station}',
  checkNeedsStandstill: 'Stop {station} first: this check needs it at a standstill (it is {state})',
  repairNeedsStandstill: 'Stop {station} first: this repair needs it at a standstill (it is {state})',
  noStation: 'There is no station "{id}" on this line',
  eStopAlready: 'The E-stop is already pushed',
  eStopNotPushed: 'The E-stop is not pushed',
  alreadyLockedOut: '{station} is already locked out',
  stopBeforeLockOut: 'Stop {station} before locking it out (it is {state})',
  notLockedOut: '{station} is not locked out',
  workInside: 'Work is still in progress inside the station',
  unknownCheck: 'Unknown check "{id}"',
  noSensorToMeasure: '{station} has no {sensor} sensor to measure against',
  sensorNotNamed: 'Name the sensor at {station}: one of {sensors}',
  noToolToInspect: '{station} has no tool to inspect',
  noLubrication: '{station} has no lubrication system',
  noGauge: '{station} has no gauge',
  unknownRepair: 'Unknown repair "{id}"',
  noSensorToReplace: '{station} has no {sensor} sensor to replace',
  noLot: 'There is no material lot "{id}"',
  lotQuarantined: 'Lot {id} is already quarantined',
  noCuttingTool: '{station} has no cutting tool',
  noBearings: '{station} has no bearings to replace',
  noJamHere: 'Nothing in {station} moves parts, so nothing can jam there',
  noCooling: '{station} has no coolant system',
  notARobot: '{station} is not a robot: there is nothing to re-teach',
  noAir: '{station} has no compressed air',
  lotAtSource: 'A material lot is quarantined where the material comes in, not at {station}',
  noSpeedSetting: '{station} has no speed setting',
  speedRange: 'Speed must be between 10 % and 120 %',
  reportRange: 'A figure to report must be from 0 % to 100 % (a fraction from 0 to 1)',
  noAlarm: 'There is no alarm "{id}"',
  notShelved: 'This alarm is not shelved',
  shelveRange: 'Shelve for between 1 second and 8 hours',
  nothingToAck: 'This alarm has nothing to acknowledge',
  alreadyShelved: 'This alarm is already shelved',
  suppressedByDesign: 'This alarm is suppressed by design while the station is stopped',
  noFault: 'There is no fault "{id}" in this scenario',
  faultStarted: 'Fault "{id}" has already started',
  lateCommand: 'This command is stamped at tick {tick}, before the current tick {now}',
  resetFrom: 'Reset works from Stopped or Complete; the station is {state}',
  startFrom: 'Start works from Idle (Reset first); the station is {state}',
  stopNotApplicable: 'Stop does not apply when the station is {state}',
  holdFrom: 'Hold works while the station runs; it is {state}',
  unholdFrom: 'Unhold works from Held; the station is {state}',
  suspendFrom: 'Suspend works from Execute; the station is {state}',
  unsuspendFrom: 'Unsuspend works from Suspended; the station is {state}',
  abortAlready: 'The station is already {state}',
  clearFrom: 'Clear works from Aborted; the station is {state}',
} as const;

export type RefusalKey = keyof typeof REFUSAL_TEXT;

export interface Refusal {
  readonly key: RefusalKey;
  readonly params: Readonly<Record<string, string | number>>;
}

export function refusal(key: RefusalKey, params: Record<string, string | number> = {}): Refusal {
  return { key, params };
}
