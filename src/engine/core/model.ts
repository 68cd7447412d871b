/**
 * The compiled line model: what the engine runs. src/scenario/ turns a validated scenario file
 * into this shape (durations already in ticks, ids resolved to indices). The engine never sees
 * the file format, so the format can migrate without touching the engine.
 */
import type { Distribution } from './distributions';

export type StationType = 'source' | 'buffer' | 'conveyor' | 'machine' | 'assembly' | 'inspection' | 'sink';

export type SensorKind = 'vibration' | 'temperature' | 'current' | 'airPressure' | 'cycleTime' | 'dimension';

/** A quality characteristic a machine gives each part (e.g. a turned diameter). */
export interface Characteristic {
  readonly name: string;
  readonly unit: string;
  readonly nominal: number;
  readonly lower: number;
  readonly upper: number;
  /** Part-to-part standard deviation of the process. */
  readonly sd: number;
  /** Dimension change per degree above the reference temperature (thermal growth). */
  readonly thermalCoeff: number;
}

/** Station types as small integers, for the engine's inner loop (a string switch costs more). */
export const Kind = { source: 0, buffer: 1, conveyor: 2, machine: 3, assembly: 4, inspection: 5, sink: 6 } as const;

interface StationBase {
  /** Kind[type]. */
  readonly kind: number;
  readonly id: string;
  readonly name: string;
  readonly index: number;
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
  readonly position: readonly [number, number] | null;
}

export interface Lot {
  readonly id: string;
  readonly quantity: number;
}

export interface SourceSpec extends StationBase {
  readonly type: 'source';
  /** null: material is always there when the next station asks (unlimited raw material). */
  readonly interarrival: Distribution | null;
  /** null: unlimited material of one anonymous lot. */
  readonly lots: readonly Lot[] | null;
}

export interface BufferSpec extends StationBase {
  readonly type: 'buffer';
  readonly capacity: number;
}

export interface ConveyorSpec extends StationBase {
  readonly type: 'conveyor';
  readonly capacity: number;
  readonly transportTicks: number;
  readonly lengthM: number;
}

export interface ProcessSpec {
  /** Seconds, sampled per part. */
  readonly processTime: Distribution;
  readonly setupTicks: number;
  /** Nameplate (fastest) cycle, ticks: the ideal cycle time of ISO 22400. */
  readonly idealCycleTicks: number;
  readonly usesAir: boolean;
}

export interface MachineSpec extends StationBase, ProcessSpec {
  readonly type: 'machine';
  readonly characteristic: Characteristic | null;
}

export interface AssemblySpec extends StationBase, ProcessSpec {
  readonly type: 'assembly';
}

export interface InspectionSpec extends StationBase, ProcessSpec {
  readonly type: 'inspection';
  readonly scrapProbability: number;
  /** Station that takes parts sent to rework, or -1. */
  readonly reworkTo: number;
  /** Which side of the tolerance can be reworked (an oversize diameter can be cut again). */
  readonly reworkSide: 'above' | 'below';
  /** Gauge measurement noise (sd), in the characteristic's unit. */
  readonly gaugeSd: number;
}

export interface SinkSpec extends StationBase {
  readonly type: 'sink';
}

export type StationSpec = SourceSpec | BufferSpec | ConveyorSpec | MachineSpec | AssemblySpec | InspectionSpec | SinkSpec;

export function isProcess(spec: StationSpec): spec is MachineSpec | AssemblySpec | InspectionSpec {
  return spec.type === 'machine' || spec.type === 'assembly' || spec.type === 'inspection';
}

/**
 * Every station spec is built on this, so all have the same fields in the same order: the
 * engine's inner loop then sees one object shape (V8 keeps such property access monomorphic).
 */
export const UNIFORM_STATION_FIELDS = {
  interarrival: null,
  lots: null,
  capacity: 0,
  transportTicks: 0,
  lengthM: 0,
  processTime: { kind: 'fixed', value: 0 },
  setupTicks: 0,
  idealCycleTicks: 0,
  usesAir: false,
  characteristic: null,
  scrapProbability: 0,
  reworkTo: -1,
  reworkSide: 'above',
  gaugeSd: 0,
} as const;

export interface SensorSpec {
  /** Stable id: `${station}.${kind}`. */
  readonly id: string;
  readonly index: number;
  readonly station: number;
  readonly kind: SensorKind;
  readonly unit: string;
  /** The normal operating band (ISA-101: values are shown against it). */
  readonly normal: readonly [number, number];
  /** Transmitter span: 4 mA at min, 20 mA at max (NAMUR NE43 for the dead-sensor signal). */
  readonly range: readonly [number, number];
  readonly noiseSd: number;
  /** Hash key for counter-based noise, derived from the id. */
  readonly noiseKey: number;
}

export type AlarmPriority = 'high' | 'medium' | 'low';

export type AlarmCondition =
  | { readonly kind: 'high'; readonly sensor: number; readonly limit: number; readonly deadband: number }
  | { readonly kind: 'low'; readonly sensor: number; readonly limit: number; readonly deadband: number }
  /** The sensor's signal is out of range (bad quality). */
  | { readonly kind: 'bad'; readonly sensor: number }
  /** The station is stopped by an equipment or safety cause (Held or Aborted, not by the operator). */
  | { readonly kind: 'stopped'; readonly station: number };

/**
 * What an alarm says, for the screen's language: the default rules by kind (the screen adds
 * the station's name), a scenario's own rule with its texts. `message` keeps the English.
 */
export type AlarmText =
  | {
      readonly kind: 'stopped' | 'vibrationHigh' | 'temperatureHigh' | 'temperatureTrip' | 'airLow' | 'dimensionHigh' | 'dimensionLow' | 'signalBad';
      readonly sensor: SensorKind | null;
    }
  | { readonly kind: 'custom'; readonly en: string; readonly nb: string | null };

export interface AlarmRule {
  readonly id: string;
  readonly index: number;
  readonly station: number;
  readonly condition: AlarmCondition;
  readonly priority: AlarmPriority;
  readonly onDelayTicks: number;
  readonly offDelayTicks: number;
  readonly message: string;
  readonly text: AlarmText;
  /** Suppressed by design while the station is not running (ISA-18.2). */
  readonly suppressWhenStopped: boolean;
  /** An interlock: when the alarm becomes active the station is Held with this stop reason. 0: none. */
  readonly tripReason: number;
}

export const REPAIR_ACTIONS = [
  'replaceBearing',
  'replaceTool',
  'recalibrate',
  'replaceSensor',
  'clearJam',
  'restoreAir',
  'restoreCooling',
  'restoreLubrication',
  'quarantineLot',
  'restoreParameter',
  'generalRepair',
  'reteachRobot',
] as const;

export type RepairAction = (typeof REPAIR_ACTIONS)[number];

export const CHECK_KINDS = ['handheld', 'inspectTool', 'lubricationLevel', 'masterPart'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/**
 * Whether a check can be made at a station at all: a handheld reading needs an instrument to
 * read, a tool and lubrication are a machine's or a robot's (its gripper, its joints), a master
 * part needs a gauge. The engine refuses the rest; the faceplate does not offer them.
 */
export function checkApplies(check: CheckKind, type: StationType, has: Pick<StationHas, 'sensors' | 'gauge'>): boolean {
  switch (check) {
    case 'handheld':
      return has.sensors;
    case 'inspectTool':
    case 'lubricationLevel':
      return type === 'machine' || type === 'assembly';
    case 'masterPart':
      return has.gauge;
  }
}

/** What a station has that a check or a repair needs: instruments, a gauge, compressed air. */
export interface StationHas {
  readonly sensors: boolean;
  readonly gauge: boolean;
  readonly air: boolean;
}

/**
 * Whether a repair can be made at a station at all: a tool is a machine's cutting insert, a
 * re-teach a robot's, a lot is quarantined where material comes in, a gauge is recalibrated
 * where there is one. A repair that can be made but is not the cure is a wrong repair (it costs
 * time, and the debrief counts it); one that cannot is refused, and the faceplate does not offer it.
 */
export function repairApplies(action: RepairAction, type: StationType, has: StationHas): boolean {
  // Driven equipment: what has motors, bearings and parts moving through it.
  const driven = type === 'machine' || type === 'assembly' || type === 'conveyor' || type === 'inspection';
  switch (action) {
    case 'generalRepair':
      return true;
    case 'replaceBearing':
    case 'clearJam':
      return driven;
    case 'restoreLubrication':
      // Where the lubrication level can be checked (checkApplies).
      return type === 'machine' || type === 'assembly';
    case 'replaceTool':
    case 'restoreCooling':
      return type === 'machine';
    case 'reteachRobot':
      return type === 'assembly';
    case 'restoreParameter':
      return type === 'machine' || type === 'assembly' || type === 'inspection';
    case 'recalibrate':
      // An inspection is a gauge or a tester whether or not it reports a dimension.
      return type === 'inspection' || has.gauge;
    case 'replaceSensor':
      return has.sensors;
    case 'restoreAir':
      return has.air;
    case 'quarantineLot':
      return type === 'source';
  }
}

export type FaultType =
  | 'breakdown'
  | 'bearingWear'
  | 'lubricationFailure'
  | 'toolWear'
  | 'calibrationOffset'
  | 'sensorStuck'
  | 'sensorNoisy'
  | 'sensorDead'
  | 'conveyorJam'
  | 'airPressureDrop'
  | 'spindleOverheating'
  | 'badMaterialLot'
  | 'wrongParameter'
  | 'powerDip'
  | 'eStop'
  | 'gripperMisalignment';

export type FaultTrigger =
  | { readonly kind: 'at'; readonly tick: number }
  | { readonly kind: 'afterParts'; readonly parts: number }
  /** Time to failure drawn from a distribution (seconds) of busy or calendar time. */
  | { readonly kind: 'random'; readonly ttf: Distribution; readonly basis: 'busy' | 'calendar' }
  /** Bad material: the fault starts when the first part of the lot is released. */
  | { readonly kind: 'lot' }
  /** Only the instructor starts it, with an injectFault command. */
  | { readonly kind: 'manual' };

interface FaultBase {
  readonly id: string;
  readonly index: number;
  /** Station index, or -1 for line-wide faults. */
  readonly station: number;
  readonly trigger: FaultTrigger;
  readonly resolvedBy: readonly RepairAction[];
  /** A random fault comes back after it is resolved (a new time to failure is drawn). */
  readonly recurring: boolean;
}

export type FaultSpec =
  | (FaultBase & {
      readonly type: 'breakdown';
      readonly repair: 'auto' | 'manual';
      /** Seconds; used when repair is automatic. */
      readonly mttr: Distribution;
      readonly stopReason: number;
    })
  | (FaultBase & { readonly type: 'bearingWear' | 'lubricationFailure'; readonly failAfterBusyTicks: number })
  | (FaultBase & { readonly type: 'toolWear'; readonly driftPerPart: number })
  | (FaultBase & { readonly type: 'calibrationOffset'; readonly offset: number })
  /** A stuck sensor freezes at `value`, or at its reading when it sticks (value null). */
  | (FaultBase & { readonly type: 'sensorStuck'; readonly sensor: number; readonly value: number | null })
  | (FaultBase & { readonly type: 'sensorDead'; readonly sensor: number; readonly signal: 'low' | 'high' })
  | (FaultBase & { readonly type: 'sensorNoisy'; readonly sensor: number; readonly factor: number })
  | (FaultBase & { readonly type: 'conveyorJam' })
  | (FaultBase & { readonly type: 'airPressureDrop'; readonly dropBar: number; readonly developTicks: number })
  | (FaultBase & { readonly type: 'spindleOverheating'; readonly riseC: number })
  | (FaultBase & { readonly type: 'badMaterialLot'; readonly source: number; readonly lot: string; readonly defectRate: number })
  | (FaultBase & { readonly type: 'wrongParameter'; readonly speed: number })
  /** A robot's taught tool centre point is off after a crash: pick retries and placement bias. */
  | (FaultBase & { readonly type: 'gripperMisalignment'; readonly retryFactor: number; readonly biasRate: number })
  | (FaultBase & { readonly type: 'powerDip' | 'eStop'; readonly stations: readonly number[] });

export interface LineModel {
  readonly id: string;
  readonly durationTicks: number;
  readonly warmupTicks: number;
  readonly stations: readonly StationSpec[];
  readonly stationIndex: Readonly<Record<string, number>>;
  readonly sensors: readonly SensorSpec[];
  readonly sensorIndex: Readonly<Record<string, number>>;
  /** Sensors of each station, by kind. */
  readonly sensorsOf: readonly Readonly<Partial<Record<SensorKind, number>>>[];
  readonly alarms: readonly AlarmRule[];
  /** Alarm rules of each station. */
  readonly alarmsOf: readonly (readonly number[])[];
  /** Period of the alarm scan over sensor rules; 0 when there are none. */
  readonly scanTicks: number;
  readonly faults: readonly FaultSpec[];
  /** Faults located at each station. */
  readonly faultsOf: readonly (readonly number[])[];
  /**
   * Of those, the ones looked at for every part a station makes (most lines have none, and a
   * scan of all its faults at every part was a measurable share of the engine's time): faults
   * triggered by a parts count or acting per part (tool wear), and gripper misalignments (they
   * lengthen each cycle and damage placed parts).
   */
  readonly partFaultsOf: readonly (readonly number[])[];
  readonly gripperFaultsOf: readonly (readonly number[])[];
  /** Any power-dip or E-stop fault: they end when the stations they stopped run again. */
  readonly hasLineFaults: boolean;
  readonly repairTicks: Readonly<Record<RepairAction, number>>;
  readonly checkTicks: Readonly<Record<CheckKind, number>>;
  /** Durations of the PackML acting states. */
  readonly transitionTicks: Readonly<{
    starting: number;
    stopping: number;
    resetting: number;
    clearing: number;
    holding: number;
    unholding: number;
    aborting: number;
  }>;
  readonly initialState: 'running' | 'stopped';
  /** Ambient temperature, °C. */
  readonly ambientC: number;
  /** Normal air header pressure, bar. */
  readonly airBar: number;
}

/** What station i of a line has that checks and repairs need (see checkApplies, repairApplies). */
export function stationHas(model: LineModel, i: number): StationHas {
  const sensors = model.sensorsOf[i]!;
  const spec = model.stations[i]!;
  return { sensors: Object.keys(sensors).length > 0, gauge: sensors.dimension !== undefined, air: isProcess(spec) && spec.usesAir };
}

/**
 * Whether station `gauge` has a gauge and parts made at `machine` reach it (it lies downstream):
 * a master part measured there bears on the machine's faults as one measured at the machine.
 */
export function measuresPartsOf(model: LineModel, gauge: number, machine: number): boolean {
  if (machine < 0 || gauge < 0 || !stationHas(model, gauge).gauge) return false;
  const seen = new Set<number>([machine]);
  const next = [machine];
  while (next.length > 0) {
    for (const o of model.stations[next.pop()!]!.outputs) {
      if (o === gauge) return true;
      if (!seen.has(o)) {
        seen.add(o);
        next.push(o);
      }
    }
  }
  return false;
}
