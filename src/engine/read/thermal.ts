/**
 * Spindle temperature as a first-order lag towards a target that depends on whether the
 * station runs and on active faults. Computed in closed form at any tick, so the engine never
 * steps it through idle time.
 */
import { dexp } from '../core/dmath';
import type { State, StationState } from '../core/state';
import { isRunning } from '../core/packml';

/** Time constant of the spindle's thermal lag, in ticks (10 minutes). */
const TAU_TICKS = 6000;
/** Self-heating of a running spindle, °C above ambient. */
const RUNNING_RISE_C = 18;

export function temperatureAt(st: StationState, t: number): number {
  const th = st.thermal;
  const dt = t - th.since;
  if (dt <= 0) return th.from;
  return th.target + (th.from - th.target) * dexp(-dt / TAU_TICKS);
}

export function thermalTarget(s: State, i: number): number {
  const st = s.stations[i]!;
  let target = s.model.ambientC + (isRunning(st.pack) ? RUNNING_RISE_C : 0);
  for (const fi of s.model.faultsOf[i]!) {
    const spec = s.model.faults[fi]!;
    if (spec.type === 'spindleOverheating' && s.faults[fi]!.phase === 'active') target += spec.riseC;
  }
  return target;
}
