/**
 * What the active faults do to the line right now, as pure queries (a read layer: nothing here
 * writes state or imports a writer): what keeps a station stopped, a gripper's retries, the air
 * header's pressure, the chance of a dropped part, how far wear has gone.
 */
import type { FaultSpec, MachineSpec } from '../core/model';
import { StopReason } from '../core/packml';
import { cumulativeBusy, type FaultState, type State } from '../core/state';

/** What still keeps station i from running, as a stop reason; 0 when nothing does. */
export function holdingCause(s: State, i: number): number {
  for (const fi of s.model.faultsOf[i]!) {
    const f = s.faults[fi]!;
    if (f.phase !== 'active') continue;
    const spec = s.model.faults[fi]!;
    if (spec.type === 'breakdown') return spec.stopReason;
    if (spec.type === 'conveyorJam') return StopReason.MaterialJam;
    if (spec.type === 'bearingWear' && f.failed) return StopReason.BearingFailure;
    if (spec.type === 'lubricationFailure' && f.failed) return StopReason.LubricationFault;
    if (spec.type === 'sensorDead' && s.model.stations[i]!.type === 'inspection' && s.stations[i]!.work !== null) {
      if (s.model.sensorsOf[i]!.dimension === spec.sensor) return StopReason.SensorFault;
    }
  }
  for (const ai of s.model.alarmsOf[i]!) {
    const rule = s.model.alarms[ai]!;
    if (rule.tripReason !== 0 && s.alarms[ai]!.active) return rule.tripReason;
  }
  return StopReason.None;
}

/**
 * A misaligned gripper (DOMAIN §7): the robot retries its picks, so each cycle takes
 * `retryFactor` times longer, and places parts off position, damaging a share of them.
 * Returns [cycle factor, damage probability]; [1, 0] when no such fault is active.
 */
export function gripperEffect(s: State, i: number): readonly [number, number] {
  const faults = s.model.gripperFaultsOf[i]!;
  for (let k = 0; k < faults.length; k++) {
    const spec = s.model.faults[faults[k]!]!;
    if (spec.type === 'gripperMisalignment' && s.faults[faults[k]!]!.phase === 'active') return [spec.retryFactor, spec.biasRate];
  }
  return NO_GRIPPER_FAULT;
}
const NO_GRIPPER_FAULT = [1, 0] as const;

/** Probability that a part is dropped or damaged at station i (low air: weak grippers). */
export function defectChance(s: State, i: number): number {
  // Every station spec carries usesAir (false where it makes no sense): no type test needed.
  if (!(s.model.stations[i] as MachineSpec).usesAir) return 0;
  const p = airPressureAt(s, s.tick);
  const threshold = s.model.airBar - 1;
  return p < threshold ? Math.min(0.5, (threshold - p) * 0.1) : 0;
}

/** Header pressure at tick t, bar: the lowest any active air-pressure drop has brought it to. */
export function airPressureAt(s: State, t: number): number {
  let p = s.model.airBar;
  for (let fi = 0; fi < s.faults.length; fi++) {
    const spec = s.model.faults[fi]!;
    const f = s.faults[fi]!;
    if (spec.type !== 'airPressureDrop' || f.phase !== 'active') continue;
    const progress = spec.developTicks <= 0 ? 1 : Math.min(1, (t - f.onset) / spec.developTicks);
    p = Math.min(p, s.model.airBar - spec.dropBar * progress);
  }
  return p;
}

/** How far a wear-out fault has gone, 0..1 (1: failed). */
export function wearProgress(s: State, spec: FaultSpec, f: FaultState): number {
  if (f.phase !== 'active' || (spec.type !== 'bearingWear' && spec.type !== 'lubricationFailure')) return 0;
  if (f.failed) return 1;
  const st = s.stations[spec.station]!;
  return Math.min(1, (cumulativeBusy(st, s.tick) - f.busyAtOnset) / spec.failAfterBusyTicks);
}

export function stationWear(s: State, i: number, type: 'bearingWear' | 'lubricationFailure'): number {
  let w = 0;
  for (const fi of s.model.faultsOf[i]!) {
    const spec = s.model.faults[fi]!;
    if (spec.type === type) w = Math.max(w, wearProgress(s, spec, s.faults[fi]!));
  }
  return w;
}
