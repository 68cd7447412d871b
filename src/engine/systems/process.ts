/**
 * What happens to a part inside a station: receiving it, processing it (with the quality it
 * comes out with), pausing and resuming when the station stops and runs again, and the
 * inspection's verdict.
 */
import { airPressureAt, defectChance, gripperEffect } from '../read/fault-effects';
import { afterPartFaults, stationFails } from './faults';
import { changeWip, scrapPart, setBusy, touchLevel } from '../write/ledger';
import { gaugeReading } from '../read/sensors';
import type { Part, State } from '../core/state';
import { sample, sampleStandardNormal } from '../core/distributions';
import { type AssemblySpec, type ConveyorSpec, type InspectionSpec, Kind, type MachineSpec } from '../core/model';
import { StopReason } from '../core/packml';
import { nextFloat } from '../core/rng';
import { temperatureAt } from '../read/thermal';
import { NEVER, TICKS_PER_SECOND } from '../core/time';
import { markInputs, markStation, touchStation } from '../core/worklist';

type ProcessStation = MachineSpec | AssemblySpec | InspectionSpec;

/** Process time of the next part, in ticks: the sampled time, slowed by a low speed setpoint and by low air. */
function processTicks(s: State, i: number, spec: ProcessStation): number {
  const st = s.stations[i]!;
  let seconds = sample(spec.processTime, st.rng);
  if (seconds < 0) seconds = 0;
  let factor = 100 / Math.max(1, st.speed);
  if (spec.usesAir) {
    // Cylinder stroke time grows as header pressure falls (DOMAIN §7: air pressure drop).
    factor *= s.model.airBar / Math.max(0.5, airPressureAt(s, s.tick));
  }
  // Pick retries of a misaligned gripper lengthen the cycle.
  factor *= gripperEffect(s, i)[0];
  const ticks = Math.round(seconds * TICKS_PER_SECOND * factor);
  return spec.kind === Kind.inspection ? ticks : Math.max(1, ticks);
}

export function beginWork(s: State, i: number, part: Part): void {
  const spec = s.model.stations[i] as ProcessStation;
  const st = s.stations[i]!;
  st.work = part;
  st.workRemaining = processTicks(s, i, spec);
  st.cycleStart = s.tick;
  st.workEnd = s.tick + st.workRemaining;
  setBusy(s, i, true);
  // Busy with the part, it has nothing to hand on this tick: only its interlock and timer change.
  touchStation(s, i);
  // Zero-time work (an inline gauge) is done within the same tick, without another event.
  if (st.workRemaining === 0) finishWork(s, i);
}

/** A part arrives at station i from station `from`. */
export function receive(s: State, i: number, part: Part, from: number): void {
  const spec = s.model.stations[i]!;
  const st = s.stations[i]!;
  switch (spec.kind) {
    case Kind.buffer:
      touchLevel(s, i);
      st.queue.push(part);
      markStation(s, i);
      break;
    case Kind.conveyor:
      touchLevel(s, i);
      part.t = s.tick + (spec as ConveyorSpec).transportTicks;
      st.queue.push(part);
      st.c.processed += 1;
      afterPartFaults(s, i, st.c.processed);
      markStation(s, i);
      break;
    case Kind.machine:
    case Kind.inspection:
      // beginWork touches it; a station taking a part into work has nothing to hand on.
      beginWork(s, i, part);
      break;
    case Kind.assembly: {
      const slot = spec.inputs.indexOf(from);
      st.kit[slot] = part;
      if (st.kit.every((p) => p !== null)) {
        const parts = st.kit as Part[];
        const base = parts[0]!;
        for (let k = 1; k < parts.length; k++) if (parts[k]!.defect) base.defect = true;
        changeWip(s, parts.length - 1, 0, 0);
        st.kit = st.kit.map(() => null);
        beginWork(s, i, base);
      } else {
        // Waiting for the rest of its kit, it has nothing to hand on either.
        touchStation(s, i);
      }
      break;
    }
    case Kind.sink: {
      // Not marked: a sink never hands anything on and keeps no interlock or timer.
      const lead = s.tick - part.born;
      s.line.good += 1;
      s.line.leadTicksSum += lead;
      changeWip(s, 0, 0, 1);
      st.c.processed += 1;
      st.c.good += 1;
      break;
    }
    default:
      break;
  }
}

function isConforming(s: State, part: Part): boolean {
  if (part.defect) return false;
  if (part.dim === null || part.charOf < 0) return true;
  const spec = s.model.stations[part.charOf];
  if (spec?.type !== 'machine' || spec.characteristic === null) return true;
  return part.dim >= spec.characteristic.lower && part.dim <= spec.characteristic.upper;
}

/** The true dimension a machine gives a part: nominal + tool offset + thermal growth + process noise. */
function machinePart(s: State, i: number, spec: MachineSpec, part: Part): void {
  const st = s.stations[i]!;
  const ch = spec.characteristic;
  if (ch !== null) {
    const thermal = ch.thermalCoeff * (temperatureAt(st, s.tick) - (s.model.ambientC + 18));
    part.dim = ch.nominal + st.toolOffset + thermal + ch.sd * sampleStandardNormal(st.qrng);
    part.charOf = i;
    recordMeasurement(s, i, gaugeReading(s, i, part.dim));
  }
  const dropChance = defectChance(s, i);
  if (dropChance > 0 && nextFloat(st.qrng) < dropChance) part.defect = true;
  placementBias(s, i, part);
}

/** A misaligned gripper places parts off position: some are damaged (draws only while it lasts). */
function placementBias(s: State, i: number, part: Part): void {
  const bias = gripperEffect(s, i)[1];
  if (bias > 0 && nextFloat(s.stations[i]!.qrng) < bias) part.defect = true;
}

/** Keep the gauge reading of a part: the dimension sensor shows it and SPC charts plot it. */
function recordMeasurement(s: State, i: number, value: number | null): void {
  const st = s.stations[i]!;
  st.lastDim = value;
  st.lastDimTick = s.tick;
  if (value === null) return;
  st.measured.push([s.tick, value]);
  if (st.measured.length > MEASURED_KEPT) st.measured.shift();
}

const MEASURED_KEPT = 100;

type Verdict = 'pass' | 'scrap' | 'rework';

function inspect(s: State, i: number, spec: InspectionSpec, part: Part): Verdict {
  const st = s.stations[i]!;
  if (part.defect) return 'scrap';
  if (spec.scrapProbability > 0 && nextFloat(st.qrng) < spec.scrapProbability) return 'scrap';
  if (part.dim === null || part.charOf < 0) return 'pass';
  const machine = s.model.stations[part.charOf];
  if (machine?.type !== 'machine' || machine.characteristic === null) return 'pass';
  const ch = machine.characteristic;
  const truth = part.dim + spec.gaugeSd * sampleStandardNormal(st.qrng);
  const measured = gaugeReading(s, i, truth);
  recordMeasurement(s, i, measured);
  if (measured === null) return 'pass';
  if (measured >= ch.lower && measured <= ch.upper) return 'pass';
  const side = measured > ch.upper ? 'above' : 'below';
  return spec.reworkTo >= 0 && side === spec.reworkSide ? 'rework' : 'scrap';
}

/** The part in process is finished. */
export function finishWork(s: State, i: number): void {
  const spec = s.model.stations[i] as ProcessStation;
  const st = s.stations[i]!;
  const part = st.work!;
  st.work = null;
  st.workEnd = NEVER;
  st.workRemaining = 0;
  st.lastCycleTicks = s.tick - st.cycleStart;
  setBusy(s, i, false);
  st.c.processed += 1;
  markStation(s, i);
  if (spec.kind === Kind.machine) {
    machinePart(s, i, spec as MachineSpec, part);
    st.partsOnTool += 1;
    afterPartFaults(s, i, st.c.processed);
    if (isConforming(s, part)) st.c.good += 1;
    st.done = part;
    return;
  }
  if (spec.kind === Kind.assembly) {
    const dropChance = defectChance(s, i);
    if (dropChance > 0 && nextFloat(st.qrng) < dropChance) part.defect = true;
    placementBias(s, i, part);
    if (!part.defect) st.c.good += 1;
    afterPartFaults(s, i, st.c.processed);
    st.done = part;
    return;
  }
  if (gaugeIsDead(s, i)) {
    // A gauge without signal cannot judge the part: the station holds it (sensor fault).
    st.work = part;
    st.workRemaining = 0;
    stationFails(s, i, StopReason.SensorFault, false);
    return;
  }
  const verdict = inspect(s, i, spec as InspectionSpec, part);
  afterPartFaults(s, i, st.c.processed);
  if (verdict === 'scrap') {
    scrapPart(s, i, part);
    // The station is empty again: what waits upstream may come in (a buffer would wait forever).
    markInputs(s, i);
    return;
  }
  if (verdict === 'rework') {
    part.rework += 1;
    st.c.rework += 1;
    part.t = (spec as InspectionSpec).reworkTo;
  } else {
    st.c.good += 1;
    part.t = -1;
  }
  st.done = part;
}

function gaugeIsDead(s: State, i: number): boolean {
  const si = s.model.sensorsOf[i]!.dimension;
  if (si === undefined) return false;
  for (const fi of s.model.faultsOf[i]!) {
    const f = s.model.faults[fi]!;
    if (f.type === 'sensorDead' && f.sensor === si && s.faults[fi]!.phase === 'active') return true;
  }
  return false;
}

/** The station leaves running mode: its part in process waits, its conveyor stops. */
export function pauseStation(s: State, i: number): void {
  const st = s.stations[i]!;
  if (st.work !== null && st.workEnd !== NEVER) {
    st.workRemaining = st.workEnd - s.tick;
    st.workEnd = NEVER;
    setBusy(s, i, false);
  }
  if (s.model.stations[i]!.kind === Kind.conveyor) {
    if (st.pausedAt < 0) st.pausedAt = s.tick;
    setBusy(s, i, false);
  } else if (st.work !== null && st.pausedAt < 0) {
    st.pausedAt = s.tick;
  }
  markStation(s, i);
}

/** The station is running again: the interrupted part resumes; a conveyor's parts move on. */
export function resumeStation(s: State, i: number): void {
  const st = s.stations[i]!;
  const spec = s.model.stations[i]!;
  if (spec.type === 'source' && spec.interarrival !== null && st.nextRelease === NEVER) st.nextRelease = s.tick;
  if (st.work !== null && st.workEnd === NEVER) {
    st.workEnd = s.tick + st.workRemaining;
    setBusy(s, i, true);
  }
  if (s.model.stations[i]!.kind !== Kind.conveyor && st.pausedAt >= 0) {
    // The part's cycle time counts the time the station ran on it, not the stop.
    if (st.work !== null) st.cycleStart += s.tick - st.pausedAt;
    st.pausedAt = -1;
  }
  if (s.model.stations[i]!.kind === Kind.conveyor) {
    // A conveyor's busy clock is its running time (jams that count operating time use it).
    if (st.pausedAt >= 0) {
      const shift = s.tick - st.pausedAt;
      for (const p of st.queue) p.t += shift;
      st.pausedAt = -1;
    }
    setBusy(s, i, true);
  }
  markStation(s, i);
  // Running again, it can take parts: wake the stations that feed it.
  for (const u of spec.inputs) markStation(s, u);
}

