/**
 * Faults: when they start, what they do to the line, what keeps a station stopped while they
 * last, and how they end. A fault acts on the process or on a reading; a technician only ever
 * sees its symptoms (sensors, states, stop reasons, counters, parts). The fault's own record
 * is the hidden truth.
 */
import { refreshBusyTimers, refreshThermal, scrapPart, setBusy } from '../write/ledger';
import { rawReading } from '../read/sensors';
import { cumulativeBusy, type State } from '../core/state';
import { setPack } from '../write/transitions';
import { sample } from '../core/distributions';
import { isRunning, Pack, StopReason } from '../core/packml';
import { nextFloat } from '../core/rng';
import { NEVER, TICKS_PER_SECOND } from '../core/time';
import { markStation } from '../core/worklist';
import { setFaultNext } from '../core/agenda';

function durationTicks(seconds: number): number {
  return Math.max(1, Math.round(seconds * TICKS_PER_SECOND));
}

/** Aim a pending fault's trigger from the current tick. */
export function scheduleTrigger(s: State, fi: number): void {
  const spec = s.model.faults[fi]!;
  const f = s.faults[fi]!;
  setFaultNext(s, fi, NEVER);
  f.busyTarget = -1;
  const trig = spec.trigger;
  switch (trig.kind) {
    case 'at':
      setFaultNext(s, fi, Math.max(trig.tick, s.tick));
      break;
    case 'random': {
      const ttf = durationTicks(sample(trig.ttf, f.rng));
      if (trig.basis === 'calendar' || spec.station < 0) {
        setFaultNext(s, fi, s.tick + ttf);
      } else {
        f.busyTarget = cumulativeBusy(s.stations[spec.station]!, s.tick) + ttf;
        refreshBusyTimers(s, spec.station);
      }
      break;
    }
    case 'afterParts':
    case 'lot':
    case 'manual':
      break;
  }
}

/** A station stops for an equipment fault: Held through Holding (DOMAIN §1), first-out reason kept. */
export function stationFails(s: State, i: number, reason: number, countsAsFailure: boolean): void {
  const st = s.stations[i]!;
  if (countsAsFailure) {
    st.c.failures += 1;
    if (st.downSince < 0) st.downSince = s.tick;
  }
  if (isRunning(st.pack) || st.pack === Pack.Starting || st.pack === Pack.Unholding) {
    setPack(s, i, Pack.Holding, reason);
  }
  markStation(s, i);
}

/** A line-level trip (power dip, E-stop): the station aborts; a part in the middle of a cycle is scrap. */
export function abortStation(s: State, i: number, reason: number): void {
  const st = s.stations[i]!;
  const type = s.model.stations[i]!.type;
  if (type === 'buffer' || type === 'sink') return;
  if (st.pack === Pack.Aborting || st.pack === Pack.Aborted) return;
  setPack(s, i, Pack.Aborting, reason);
  if (st.work !== null && type !== 'inspection') {
    const part = st.work;
    st.work = null;
    st.workEnd = NEVER;
    setBusy(s, i, false);
    scrapPart(s, i, part);
  }
}

export function onset(s: State, fi: number): void {
  const spec = s.model.faults[fi]!;
  const f = s.faults[fi]!;
  f.phase = 'active';
  f.onset = s.tick;
  f.occurrences += 1;
  setFaultNext(s, fi, NEVER);
  f.busyTarget = -1;
  f.failed = false;
  const i = spec.station;
  const st = i >= 0 ? s.stations[i]! : null;
  if (st !== null) f.busyAtOnset = cumulativeBusy(st, s.tick);
  switch (spec.type) {
    case 'breakdown':
      stationFails(s, i, spec.stopReason, true);
      if (spec.repair === 'auto') {
        f.repairEnd = s.tick + durationTicks(sample(spec.mttr, f.rng));
        setFaultNext(s, fi, f.repairEnd);
      }
      break;
    case 'bearingWear':
    case 'lubricationFailure':
      f.busyTarget = f.busyAtOnset + spec.failAfterBusyTicks;
      refreshBusyTimers(s, i);
      break;
    case 'calibrationOffset':
      st!.gaugeOffset += spec.offset;
      break;
    case 'sensorStuck':
      f.frozen = spec.value ?? rawReading(s, spec.sensor, s.tick);
      break;
    case 'conveyorJam':
      stationFails(s, i, StopReason.MaterialJam, true);
      break;
    case 'spindleOverheating':
      refreshThermal(s, i);
      break;
    case 'wrongParameter':
      st!.speed = spec.speed;
      break;
    case 'powerDip':
      for (const j of spec.stations) abortStation(s, j, StopReason.PowerFailure);
      break;
    case 'eStop':
      s.eStop = true;
      for (const j of spec.stations) abortStation(s, j, StopReason.EStop);
      break;
    case 'toolWear':
    case 'sensorNoisy':
    case 'sensorDead':
    case 'airPressureDrop':
    case 'badMaterialLot':
      break;
  }
  if (i >= 0) markStation(s, i);
}

/** The fault is over. A random fault that recurs is armed again. */
export function resolveFault(s: State, fi: number): void {
  const spec = s.model.faults[fi]!;
  const f = s.faults[fi]!;
  f.phase = 'resolved';
  f.resolvedAt = s.tick;
  setFaultNext(s, fi, NEVER);
  f.repairEnd = NEVER;
  f.busyTarget = -1;
  f.failed = false;
  const i = spec.station;
  const st = i >= 0 ? s.stations[i]! : null;
  switch (spec.type) {
    case 'calibrationOffset':
      st!.gaugeOffset -= spec.offset;
      break;
    case 'spindleOverheating':
      refreshThermal(s, i);
      break;
    case 'lubricationFailure':
      st!.lubeLevel = 100;
      break;
    case 'breakdown':
      // An automatic repair restarts the station by itself, as the reference line assumes.
      if (spec.repair === 'auto' && st!.pack === Pack.Held && st!.stopReason === spec.stopReason) {
        setPack(s, i, Pack.Unholding);
      }
      break;
    default:
      break;
  }
  if (spec.recurring && spec.trigger.kind === 'random') {
    f.phase = 'pending';
    scheduleTrigger(s, fi);
  }
  if (i >= 0) markStation(s, i);
}

/** A fault's timer is due: its trigger, its automatic repair, or its wear-out failure. */
export function faultDue(s: State, fi: number): void {
  const spec = s.model.faults[fi]!;
  const f = s.faults[fi]!;
  if (f.phase === 'pending') {
    onset(s, fi);
    return;
  }
  if (f.phase !== 'active') {
    setFaultNext(s, fi, NEVER);
    return;
  }
  if (f.repairEnd <= s.tick) {
    resolveFault(s, fi);
    return;
  }
  if ((spec.type === 'bearingWear' || spec.type === 'lubricationFailure') && f.busyTarget >= 0) {
    f.failed = true;
    f.busyTarget = -1;
    setFaultNext(s, fi, NEVER);
    const reason = spec.type === 'bearingWear' ? StopReason.BearingFailure : StopReason.LubricationFault;
    stationFails(s, spec.station, reason, true);
    return;
  }
  setFaultNext(s, fi, NEVER);
}

/** After each part a station makes: parts-count triggers, and tool wear moving the dimension. */
export function afterPartFaults(s: State, i: number, count: number): void {
  const faults = s.model.partFaultsOf[i]!;
  for (let k = 0; k < faults.length; k++) {
    const fi = faults[k]!;
    const spec = s.model.faults[fi]!;
    const f = s.faults[fi]!;
    if (f.phase === 'pending' && spec.trigger.kind === 'afterParts' && count >= spec.trigger.parts) onset(s, fi);
    if (f.phase === 'active' && spec.type === 'toolWear') s.stations[i]!.toolOffset += spec.driftPerPart;
  }
}

/** A part of `lot` is released at source `src`: bad-material faults start, and decide whether it is defective. */
export function materialDefect(s: State, src: number, lot: string): boolean {
  let defect = false;
  for (const fi of s.model.faultsOf[src]!) {
    const spec = s.model.faults[fi]!;
    if (spec.type !== 'badMaterialLot' || spec.lot !== lot) continue;
    const f = s.faults[fi]!;
    if (f.phase === 'pending') onset(s, fi);
    if (f.phase === 'active' && nextFloat(f.rng) < spec.defectRate) defect = true;
  }
  return defect;
}

/** Line-level faults end when every station they stopped runs again (and the E-stop is released). */
export function checkRestored(s: State): void {
  for (let fi = 0; fi < s.faults.length; fi++) {
    const spec = s.model.faults[fi]!;
    if (spec.type !== 'powerDip' && spec.type !== 'eStop') continue;
    const f = s.faults[fi]!;
    if (f.phase !== 'active' || f.onset === s.tick) continue;
    if (spec.type === 'eStop' && s.eStop) continue;
    if (spec.stations.every((j) => isRunning(s.stations[j]!.pack) || isPassive(s, j))) resolveFault(s, fi);
  }
}

function isPassive(s: State, j: number): boolean {
  const type = s.model.stations[j]!.type;
  return type === 'buffer' || type === 'sink';
}

