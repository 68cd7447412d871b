/**
 * What a scenario gets without saying: sensors per station type with their normal bands,
 * standard alarm rules, and the times repairs, checks and PackML transitions take.
 */
import { type CheckKind, CONVEYOR_AMPS, type FaultType, type RepairAction, type SensorKind, type StationType } from '../engine';

export interface SensorDefault {
  readonly unit: string;
  readonly normal: readonly [number, number];
  readonly range: readonly [number, number];
  readonly noise: number;
}

/** ISO 10816 zone B upper edge 2.8 mm/s for vibration; the rest from typical machine-tool practice. */
export const SENSOR_DEFAULTS: Readonly<Record<Exclude<SensorKind, 'dimension' | 'cycleTime'>, SensorDefault>> = {
  vibration: { unit: 'mm/s', normal: [0, 2.8], range: [0, 20], noise: 0.06 },
  temperature: { unit: '°C', normal: [15, 60], range: [0, 150], noise: 0.2 },
  current: { unit: 'A', normal: [0, 9], range: [0, 30], noise: 0.08 },
  airPressure: { unit: 'bar', normal: [5.5, 6.5], range: [0, 10], noise: 0.02 },
};

/**
 * A conveyor's motor current: normal up to a full belt's draw with 1 A to spare, at least 5 A
 * (a belt of ten parts draws 3.9 A). The machines' 0–9 A band drew a jammed belt's 8.5 A inside
 * normal on its faceplate, its trend and a handheld meter.
 */
export function conveyorCurrentDefault(capacity: number): SensorDefault {
  const full = CONVEYOR_AMPS.empty + CONVEYOR_AMPS.perPart * capacity;
  return { ...SENSOR_DEFAULTS.current, normal: [0, Math.max(5, Math.ceil(full + 1))] };
}

export function sensorKindsOf(type: StationType, usesAir: boolean, hasCharacteristic: boolean, measures: boolean): SensorKind[] {
  const kinds: SensorKind[] = [];
  if (type === 'machine') kinds.push('vibration', 'temperature', 'current', 'cycleTime');
  if (type === 'assembly') kinds.push('vibration', 'current', 'cycleTime');
  if (type === 'inspection') kinds.push('cycleTime');
  if (type === 'conveyor') kinds.push('current');
  if (usesAir) kinds.push('airPressure');
  if (hasCharacteristic || measures) kinds.push('dimension');
  return kinds;
}

export const REPAIR_SECONDS: Readonly<Record<RepairAction, number>> = {
  replaceBearing: 2700,
  replaceTool: 600,
  recalibrate: 900,
  replaceSensor: 1200,
  clearJam: 300,
  restoreAir: 600,
  restoreCooling: 900,
  restoreLubrication: 900,
  quarantineLot: 300,
  restoreParameter: 60,
  generalRepair: 1800,
  reteachRobot: 1200,
};

export const CHECK_SECONDS: Readonly<Record<CheckKind, number>> = {
  handheld: 120,
  inspectTool: 300,
  lubricationLevel: 120,
  masterPart: 300,
};

export const TRANSITION_SECONDS = {
  starting: 3,
  stopping: 2,
  resetting: 2,
  clearing: 2,
  holding: 1,
  unholding: 1,
  aborting: 0.5,
} as const;

/** Default alarm limits (DOMAIN §3, §7). */
export const ALARM_DEFAULTS = {
  vibrationHigh: 4.5,
  temperatureHigh: 70,
  temperatureTrip: 85,
  airLow: 5.0,
  scanSeconds: 1,
  /** A dimension alarm clears after this long with every part in tolerance (its off-delay). */
  dimensionOffDelaySeconds: 120,
} as const;

/** The repairs that fix each fault unless the scenario names others (`resolvedBy`). */
export const DEFAULT_RESOLVED_BY: Readonly<Record<FaultType, readonly RepairAction[]>> = {
  breakdown: ['generalRepair'],
  bearingWear: ['replaceBearing'],
  lubricationFailure: ['restoreLubrication'],
  toolWear: ['replaceTool'],
  calibrationOffset: ['recalibrate'],
  sensorStuck: ['replaceSensor'],
  sensorNoisy: ['replaceSensor'],
  sensorDead: ['replaceSensor'],
  conveyorJam: ['clearJam'],
  airPressureDrop: ['restoreAir'],
  spindleOverheating: ['restoreCooling'],
  badMaterialLot: ['quarantineLot'],
  wrongParameter: ['restoreParameter'],
  powerDip: [],
  eStop: [],
  gripperMisalignment: ['reteachRobot'],
};
