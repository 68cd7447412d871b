/**
 * Turns a validated scenario file into the engine's LineModel: ids become indices, durations
 * become ticks (once, here), and the defaults of defaults.ts fill what the file leaves out.
 */
import {
  type AlarmRule,
  type CheckKind,
  type Distribution,
  type FaultSpec,
  type FaultTrigger,
  hash64,
  isProcess,
  Kind,
  type LineModel,
  type RepairAction,
  type SensorKind,
  type SensorSpec,
  secondsToTicks,
  ticksToSeconds,
  type StationSpec,
  UNIFORM_STATION_FIELDS,
  StopReason,
} from '../engine';
import { minimum, usualMaximum } from '../engine/core/distributions';
import { hashString } from '../engine/core/rng';
import { measuringStations } from './check';
import { ALARM_DEFAULTS, CHECK_SECONDS, conveyorCurrentDefault, DEFAULT_RESOLVED_BY, REPAIR_SECONDS, SENSOR_DEFAULTS, sensorKindsOf, TRANSITION_SECONDS } from './defaults';
import { parseDuration } from './duration';
import type { DistributionFile, FaultFile, ScenarioFile } from './schema';
import { textOf } from './text';

const secs = (v: string | number | undefined, fallback = 0): number => (v === undefined ? fallback : (parseDuration(v) ?? fallback));
const ticks = (v: string | number | undefined, fallback = 0): number => secondsToTicks(secs(v, fallback));
const DIMENSION_OFF_DELAY_TICKS = secondsToTicks(ALARM_DEFAULTS.dimensionOffDelaySeconds);

export function toDistribution(d: DistributionFile): Distribution {
  if (typeof d === 'number' || typeof d === 'string') return { kind: 'fixed', value: secs(d) };
  switch (d.dist) {
    case 'fixed':
      return { kind: 'fixed', value: secs(d.value) };
    case 'uniform':
      return { kind: 'uniform', min: secs(d.min), max: secs(d.max) };
    case 'exponential':
      return { kind: 'exponential', mean: secs(d.mean) };
    case 'normal':
      return { kind: 'normal', mean: secs(d.mean), sd: secs(d.sd) };
    case 'lognormal':
      return { kind: 'lognormal', mean: secs(d.mean), cv: d.cv };
    case 'weibull':
      return { kind: 'weibull', shape: d.shape, scale: secs(d.scale) };
    case 'triangular':
      return { kind: 'triangular', min: secs(d.min), mode: secs(d.mode), max: secs(d.max) };
    case 'empirical':
      return { kind: 'empirical', values: d.values.map((v) => secs(v)), weights: d.weights ?? d.values.map(() => 1) };
  }
}


function toTrigger(f: FaultFile): FaultTrigger {
  const t = f.trigger;
  if (f.type === 'badMaterialLot' || t === undefined) return { kind: 'lot' };
  if ('at' in t) return { kind: 'at', tick: ticks(t.at) };
  if ('afterParts' in t) return { kind: 'afterParts', parts: t.afterParts };
  if ('manual' in t) return { kind: 'manual' };
  if ('mtbf' in t) return { kind: 'random', ttf: { kind: 'exponential', mean: secs(t.mtbf) }, basis: t.basis ?? 'busy' };
  return { kind: 'random', ttf: toDistribution(t.random), basis: t.basis ?? 'busy' };
}

export function compileScenario(sc: ScenarioFile): LineModel {
  const stationIndex: Record<string, number> = {};
  sc.line.stations.forEach((s, i) => {
    stationIndex[s.id] = i;
  });
  const inputs = sc.line.stations.map(() => [] as number[]);
  const outputs = sc.line.stations.map(() => [] as number[]);
  for (const [from, to] of sc.line.connections) {
    outputs[stationIndex[from]!]!.push(stationIndex[to]!);
    inputs[stationIndex[to]!]!.push(stationIndex[from]!);
  }
  const measuring = measuringStations(sc);
  // The characteristic an inspection judges: the nearest machine upstream that gives one.
  const charBand = new Map<string, readonly [number, number]>();
  for (const s of sc.line.stations) {
    if (s.type === 'machine' && s.characteristic) {
      charBand.set(s.id, [s.characteristic.nominal - s.characteristic.tolerance, s.characteristic.nominal + s.characteristic.tolerance]);
    }
  }
  const upstreamBand = (i: number): readonly [number, number] => {
    const seen = new Set<number>();
    const queue = [...inputs[i]!];
    while (queue.length > 0) {
      const u = queue.shift()!;
      if (seen.has(u)) continue;
      seen.add(u);
      const band = charBand.get(sc.line.stations[u]!.id);
      if (band) return band;
      queue.push(...inputs[u]!);
    }
    return [0, 1];
  };

  const stations: StationSpec[] = sc.line.stations.map((s, index) => {
    const base = { kind: Kind[s.type], id: s.id, name: textOf(s.name, 'en') || s.id, index, inputs: inputs[index]!, outputs: outputs[index]!, position: s.position ?? null, type: s.type, ...UNIFORM_STATION_FIELDS };
    switch (s.type) {
      case 'source':
        return { ...base, type: 'source', interarrival: s.interarrival === undefined ? null : toDistribution(s.interarrival), lots: s.lots ?? null };
      case 'buffer':
        return { ...base, type: 'buffer', capacity: s.capacity };
      case 'conveyor':
        return { ...base, type: 'conveyor', capacity: s.capacity, transportTicks: Math.max(1, secondsToTicks(s.length / s.speed)), lengthM: s.length };
      case 'sink':
        return { ...base, type: 'sink' };
      case 'machine':
      case 'assembly':
      case 'inspection': {
        const processTime = toDistribution(s.processTime);
        const proc = {
          processTime,
          setupTicks: ticks(s.setupTime),
          idealCycleTicks: secondsToTicks(minimum(processTime)),
          usesAir: s.usesAir ?? false,
        };
        if (s.type === 'machine') {
          const c = s.characteristic;
          return {
            ...base,
            ...proc,
            type: 'machine',
            characteristic: c
              ? {
                  name: c.name,
                  unit: c.unit ?? 'mm',
                  nominal: c.nominal,
                  lower: c.nominal - c.tolerance,
                  upper: c.nominal + c.tolerance,
                  sd: c.sd,
                  thermalCoeff: c.thermalCoeff ?? 0,
                }
              : null,
          };
        }
        if (s.type === 'assembly') return { ...base, ...proc, type: 'assembly' };
        return {
          ...base,
          ...proc,
          type: 'inspection',
          scrapProbability: s.scrapProbability ?? 0,
          reworkTo: s.reworkTo === undefined ? -1 : stationIndex[s.reworkTo]!,
          reworkSide: s.reworkSide ?? 'above',
          gaugeSd: s.gaugeSd ?? 0,
        };
      }
    }
  });

  // Sensors, per station type, with the file's overrides of bands and noise.
  const sensors: SensorSpec[] = [];
  const sensorIndex: Record<string, number> = {};
  const sensorsOf: Partial<Record<SensorKind, number>>[] = stations.map(() => ({}));
  sc.line.stations.forEach((s, i) => {
    const spec = stations[i]!;
    const usesAir = isProcess(spec) && spec.usesAir;
    const hasChar = spec.type === 'machine' && spec.characteristic !== null;
    const overrides = 'sensors' in s ? (s.sensors ?? {}) : {};
    for (const kind of sensorKindsOf(spec.type, usesAir, hasChar, measuring.has(s.id))) {
      const id = `${s.id}.${kind}`;
      let unit: string;
      let normal: readonly [number, number];
      let range: readonly [number, number];
      let noise: number;
      if (kind === 'dimension') {
        const band = spec.type === 'machine' && spec.characteristic ? ([spec.characteristic.lower, spec.characteristic.upper] as const) : upstreamBand(i);
        const half = (band[1] - band[0]) / 2;
        unit = spec.type === 'machine' && spec.characteristic ? spec.characteristic.unit : 'mm';
        normal = band;
        range = [band[0] - 4 * half, band[1] + 4 * half];
        noise = 0;
      } else if (kind === 'cycleTime') {
        const ideal = isProcess(spec) ? ticksToSeconds(spec.idealCycleTicks) : 0;
        // Normal up to the longest cycle a healthy machine makes (its process time's bound or
        // 99.9 % quantile), at least 15 % over the ideal: a slow cycle is then a sign of a fault.
        const usual = isProcess(spec) ? usualMaximum(spec.processTime) : 0;
        unit = 's';
        normal = [0, Math.max(1, ideal * 1.15, usual)];
        range = [0, Math.max(4, ideal * 4, usual * 2)];
        noise = 0;
      } else {
        const d = kind === 'current' && spec.type === 'conveyor' ? conveyorCurrentDefault(spec.capacity) : SENSOR_DEFAULTS[kind];
        unit = d.unit;
        normal = d.normal;
        range = d.range;
        noise = d.noise;
      }
      const o = overrides[kind];
      const index = sensors.length;
      sensors.push({
        id,
        index,
        station: i,
        kind,
        unit,
        normal: o?.normal ?? normal,
        range,
        noiseSd: o?.noise ?? noise,
        noiseKey: hashString(id),
      });
      sensorIndex[id] = index;
      sensorsOf[i]![kind] = index;
    }
  });

  const alarms: AlarmRule[] = [];
  const addAlarm = (rule: Omit<AlarmRule, 'index'>) => alarms.push({ ...rule, index: alarms.length });
  const defaults = sc.alarms?.defaults ?? 'all';
  if (defaults !== 'none') {
    stations.forEach((spec, i) => {
      if (spec.type === 'buffer' || spec.type === 'sink') return;
      addAlarm({
        id: `${spec.id}.stopped`,
        station: i,
        condition: { kind: 'stopped', station: i },
        priority: 'high',
        onDelayTicks: 0,
        offDelayTicks: 0,
        // Not "by a fault": an E-stop or a power failure stops a station too, and telling those
        // from a fault is what a student learns from its stop reason.
        message: `${spec.name} stopped unexpectedly`,
        text: { kind: 'stopped', sensor: null },
        suppressWhenStopped: false,
        tripReason: 0,
      });
    });
  }
  if (defaults === 'all') {
    for (const sensor of sensors) {
      const spec = stations[sensor.station]!;
      const common = { station: sensor.station, onDelayTicks: 30, offDelayTicks: 30, suppressWhenStopped: false, tripReason: 0 };
      if (sensor.kind === 'vibration') {
        addAlarm({ ...common, id: `${sensor.id}.high`, condition: { kind: 'high', sensor: sensor.index, limit: ALARM_DEFAULTS.vibrationHigh, deadband: 0.3 }, priority: 'medium', message: `${spec.name}: vibration high`, text: { kind: 'vibrationHigh', sensor: sensor.kind }, suppressWhenStopped: true });
      }
      if (sensor.kind === 'temperature') {
        addAlarm({ ...common, id: `${sensor.id}.high`, condition: { kind: 'high', sensor: sensor.index, limit: ALARM_DEFAULTS.temperatureHigh, deadband: 2 }, priority: 'medium', message: `${spec.name}: temperature high`, text: { kind: 'temperatureHigh', sensor: sensor.kind } });
        addAlarm({ ...common, id: `${sensor.id}.trip`, condition: { kind: 'high', sensor: sensor.index, limit: ALARM_DEFAULTS.temperatureTrip, deadband: 5 }, priority: 'high', message: `${spec.name}: over-temperature trip`, text: { kind: 'temperatureTrip', sensor: sensor.kind }, tripReason: StopReason.OverTemperature, onDelayTicks: 20 });
      }
      if (sensor.kind === 'airPressure') {
        addAlarm({ ...common, id: `${sensor.id}.low`, condition: { kind: 'low', sensor: sensor.index, limit: ALARM_DEFAULTS.airLow, deadband: 0.1 }, priority: 'medium', message: `${spec.name}: air pressure low`, text: { kind: 'airLow', sensor: sensor.kind } });
      }
      if (sensor.kind === 'dimension') {
        // Raised by the first part out of tolerance, cleared only when two minutes of parts have
        // all been in it (ISA-18.2 off-delay against chatter): a drifting size scatters across
        // the limit, and one good part cleared the alarm while the cause was still there.
        addAlarm({ ...common, onDelayTicks: 0, offDelayTicks: DIMENSION_OFF_DELAY_TICKS, id: `${sensor.id}.high`, condition: { kind: 'high', sensor: sensor.index, limit: sensor.normal[1], deadband: 0 }, priority: 'low', message: `${spec.name}: dimension above tolerance`, text: { kind: 'dimensionHigh', sensor: sensor.kind } });
        addAlarm({ ...common, onDelayTicks: 0, offDelayTicks: DIMENSION_OFF_DELAY_TICKS, id: `${sensor.id}.low`, condition: { kind: 'low', sensor: sensor.index, limit: sensor.normal[0], deadband: 0 }, priority: 'low', message: `${spec.name}: dimension below tolerance`, text: { kind: 'dimensionLow', sensor: sensor.kind } });
      }
      if (sensor.kind !== 'cycleTime' && sensor.kind !== 'dimension') {
        addAlarm({ ...common, id: `${sensor.id}.bad`, condition: { kind: 'bad', sensor: sensor.index }, priority: 'medium', message: `${spec.name}: ${sensor.kind} signal fault`, text: { kind: 'signalBad', sensor: sensor.kind }, onDelayTicks: 10 });
      }
    }
  }
  for (const r of sc.alarms?.rules ?? []) {
    const i = stationIndex[r.station]!;
    const sensor = r.sensor === undefined ? -1 : sensorsOf[i]![r.sensor]!;
    const condition =
      r.condition === 'stopped'
        ? ({ kind: 'stopped', station: i } as const)
        : r.condition === 'bad'
          ? ({ kind: 'bad', sensor } as const)
          : ({ kind: r.condition, sensor, limit: r.limit ?? 0, deadband: r.deadband ?? 0 } as const);
    const existing = alarms.findIndex((a) => a.id === r.id);
    const rule: AlarmRule = {
      id: r.id,
      index: existing >= 0 ? existing : alarms.length,
      station: i,
      condition,
      priority: r.priority,
      onDelayTicks: ticks(r.onDelay),
      offDelayTicks: ticks(r.offDelay),
      message: textOf(r.message, 'en'),
      text: { kind: 'custom', en: textOf(r.message, 'en'), nb: typeof r.message === 'string' ? null : (r.message.nb ?? null) },
      suppressWhenStopped: r.suppressWhenStopped ?? false,
      tripReason: r.trip ? (sensor >= 0 && sensors[sensor]!.kind === 'temperature' ? StopReason.OverTemperature : StopReason.MachineJam) : 0,
    };
    if (existing >= 0) alarms[existing] = rule;
    else alarms.push(rule);
  }
  const alarmsOf = stations.map(() => [] as number[]);
  for (const a of alarms) alarmsOf[a.station]!.push(a.index);

  const nonPassive = stations.filter((s) => s.type !== 'buffer' && s.type !== 'sink').map((s) => s.index);
  const faults: FaultSpec[] = (sc.faults ?? []).map((f, index) => {
    const station = f.station === undefined ? -1 : stationIndex[f.station]!;
    const trigger = toTrigger(f);
    const base = {
      id: f.id,
      index,
      station,
      trigger,
      resolvedBy: f.resolvedBy ?? DEFAULT_RESOLVED_BY[f.type],
      recurring: f.recurring ?? trigger.kind === 'random',
    };
    switch (f.type) {
      case 'breakdown':
        return { ...base, type: 'breakdown', repair: f.repair ?? 'manual', mttr: f.mttr === undefined ? { kind: 'fixed', value: 0 } : toDistribution(f.mttr), stopReason: f.stopReason ?? StopReason.DriveFault };
      case 'bearingWear':
      case 'lubricationFailure':
        return { ...base, type: f.type, failAfterBusyTicks: Math.max(1, ticks(f.timeToFailure)) };
      case 'toolWear':
        return { ...base, type: 'toolWear', driftPerPart: f.driftPerPart };
      case 'calibrationOffset':
        return { ...base, type: 'calibrationOffset', offset: f.offset };
      case 'sensorStuck':
        return { ...base, type: 'sensorStuck', sensor: sensorsOf[station]![f.sensor]!, value: f.value ?? null };
      case 'sensorDead':
        return { ...base, type: 'sensorDead', sensor: sensorsOf[station]![f.sensor]!, signal: f.signal ?? 'low' };
      case 'sensorNoisy':
        return { ...base, type: 'sensorNoisy', sensor: sensorsOf[station]![f.sensor]!, factor: f.factor ?? 6 };
      case 'conveyorJam':
        return { ...base, type: 'conveyorJam' };
      case 'airPressureDrop':
        return { ...base, type: 'airPressureDrop', dropBar: f.drop, developTicks: ticks(f.develop, 600) };
      case 'spindleOverheating':
        return { ...base, type: 'spindleOverheating', riseC: f.rise };
      case 'badMaterialLot': {
        const src = stations.findIndex((s) => s.type === 'source' && s.lots?.some((l) => l.id === f.lot));
        return { ...base, station: -1, type: 'badMaterialLot', source: src, lot: f.lot, defectRate: f.defectRate };
      }
      case 'wrongParameter':
        return { ...base, type: 'wrongParameter', speed: f.speed };
      case 'gripperMisalignment':
        return { ...base, type: 'gripperMisalignment', retryFactor: f.retryFactor ?? 1.5, biasRate: f.biasRate ?? 0.2 };
      case 'powerDip':
      case 'eStop':
        return { ...base, type: f.type, stations: f.stations ? f.stations.map((id) => stationIndex[id]!) : nonPassive };
    }
  });
  const faultsOf = stations.map(() => [] as number[]);
  for (const f of faults) {
    if (f.station >= 0) faultsOf[f.station]!.push(f.index);
    // A bad lot acts where its parts are released.
    if (f.type === 'badMaterialLot' && f.source >= 0) faultsOf[f.source]!.push(f.index);
  }
  const partFaultsOf = faultsOf.map((list) => list.filter((fi) => faults[fi]!.trigger.kind === 'afterParts' || faults[fi]!.type === 'toolWear'));
  const gripperFaultsOf = faultsOf.map((list) => list.filter((fi) => faults[fi]!.type === 'gripperMisalignment'));

  const repairTicks = {} as Record<RepairAction, number>;
  for (const [k, v] of Object.entries(REPAIR_SECONDS)) repairTicks[k as RepairAction] = ticks(sc.repairTimes?.[k as RepairAction], v);
  const checkTicks = {} as Record<CheckKind, number>;
  for (const [k, v] of Object.entries(CHECK_SECONDS)) checkTicks[k as CheckKind] = ticks(sc.checkTimes?.[k as CheckKind], v);
  const tt = sc.transitionTimes ?? {};
  const hasSensorRules = alarms.some((a) => a.condition.kind !== 'stopped');
  return {
    id: sc.id,
    durationTicks: ticks(sc.duration),
    warmupTicks: ticks(sc.warmup),
    stations,
    stationIndex,
    sensors,
    sensorIndex,
    sensorsOf,
    alarms,
    alarmsOf,
    scanTicks: hasSensorRules ? Math.max(1, ticks(sc.alarms?.scan, ALARM_DEFAULTS.scanSeconds)) : 0,
    faults,
    faultsOf,
    partFaultsOf,
    gripperFaultsOf,
    hasLineFaults: faults.some((f) => f.type === 'powerDip' || f.type === 'eStop'),
    repairTicks,
    checkTicks,
    transitionTicks: {
      starting: ticks(tt.starting, TRANSITION_SECONDS.starting),
      stopping: ticks(tt.stopping, TRANSITION_SECONDS.stopping),
      resetting: ticks(tt.resetting, TRANSITION_SECONDS.resetting),
      clearing: ticks(tt.clearing, TRANSITION_SECONDS.clearing),
      holding: ticks(tt.holding, TRANSITION_SECONDS.holding),
      unholding: ticks(tt.unholding, TRANSITION_SECONDS.unholding),
      aborting: ticks(tt.aborting, TRANSITION_SECONDS.aborting),
    },
    initialState: sc.initialState ?? 'running',
    ambientC: sc.ambient ?? 22,
    airBar: sc.airPressure ?? 6,
  };
}

/** A stable hash of the scenario's canonical JSON (for embedding in session files). */
export function scenarioHash(sc: ScenarioFile): string {
  return hash64(JSON.stringify(sc));
}

export { DEFAULT_RESOLVED_BY };
