/**
 * Sensor readings, computed on demand at any tick from the state, the active faults and
 * counter-based noise: nothing is stepped through idle ticks. A sensor fault changes what is
 * read, never the process itself.
 */
import { airPressureAt, stationWear } from './fault-effects';
import type { State } from '../core/state';
import type { SensorSpec } from '../core/model';
import { isRunning, Pack } from '../core/packml';
import { noiseNormal } from '../core/rng';
import { temperatureAt } from './thermal';
import { TICKS_PER_SECOND } from '../core/time';

export interface Reading {
  /** null when the signal is bad (out of range). */
  readonly value: number | null;
  /** Transmitter loop current, mA (4-20; NAMUR NE43: below 3.6 or above 21 is a fault). */
  readonly mA: number;
  readonly quality: 'good' | 'bad';
}

/**
 * A conveyor drive's motor current, A: a little running empty, more for each part on the belt,
 * far more against a jam (the scenario's normal band for it is drawn from these).
 */
export const CONVEYOR_AMPS = { stopped: 0.1, empty: 2.4, perPart: 0.15, jammed: 8.5 } as const;

function jammed(s: State, i: number): boolean {
  for (const fi of s.model.faultsOf[i]!) {
    if (s.model.faults[fi]!.type === 'conveyorJam' && s.faults[fi]!.phase === 'active') return true;
  }
  return false;
}

/** The physical quantity at the sensor, without noise or sensor faults (what a handheld meter reads). */
export function trueValue(s: State, si: number, t: number): number {
  const spec = s.model.sensors[si]!;
  const i = spec.station;
  const st = s.stations[i]!;
  const busy = st.busySince >= 0;
  const running = isRunning(st.pack);
  switch (spec.kind) {
    case 'vibration': {
      const bw = stationWear(s, i, 'bearingWear');
      const lw = stationWear(s, i, 'lubricationFailure');
      const base = busy ? 1.1 : running ? 0.45 : 0.08;
      // Bearing wear makes vibration rise slowly, then fast (ISO 10816 zones 1.4 / 2.8 / 4.5 mm/s).
      return base + (busy ? 1 : running ? 0.4 : 0.05) * (bw * bw * 7 + lw * 1.5);
    }
    case 'temperature':
      return temperatureAt(st, t) + stationWear(s, i, 'lubricationFailure') * 30;
    case 'current': {
      const type = s.model.stations[i]!.type;
      if (type === 'conveyor') {
        if (jammed(s, i) && st.pack !== Pack.Stopped && st.pack !== Pack.Aborted) return CONVEYOR_AMPS.jammed;
        return running ? CONVEYOR_AMPS.empty + CONVEYOR_AMPS.perPart * st.queue.length : CONVEYOR_AMPS.stopped;
      }
      const station = s.model.stations[i]!;
      let load = 0;
      if (station.type === 'machine' && station.characteristic !== null) {
        const half = (station.characteristic.upper - station.characteristic.lower) / 2;
        load = (3 * Math.abs(st.toolOffset)) / Math.max(1e-9, half);
      }
      const friction = stationWear(s, i, 'lubricationFailure') * 2 + stationWear(s, i, 'bearingWear') * 1.5;
      return busy ? 6.5 + load + friction : running ? 1.8 + friction / 2 : 0.2;
    }
    case 'airPressure':
      return airPressureAt(s, t);
    case 'cycleTime':
      return st.lastCycleTicks / TICKS_PER_SECOND;
    case 'dimension':
      return st.lastDim ?? (spec.normal[0] + spec.normal[1]) / 2;
  }
}

/**
 * A noisy reading of a quantity that cannot go below its transmitter's zero (a vibration or a
 * current is a magnitude; every range here starts at 0): a stopped machine's vibration reads
 * 0.00 mm/s, never -0.05, which its faceplate would show below the normal band.
 */
function noisy(spec: SensorSpec, v: number, sd: number, t: number, seed: number): number {
  return sd > 0 ? Math.max(spec.range[0], v + sd * noiseNormal(spec.noiseKey ^ seed, t)) : v;
}

/** True value plus the sensor's normal noise, ignoring sensor faults (what a healthy sensor reads). */
export function rawReading(s: State, si: number, t: number): number {
  const spec = s.model.sensors[si]!;
  return noisy(spec, trueValue(s, si, t), spec.noiseSd, t, s.seed);
}

function toMilliamps(spec: SensorSpec, v: number): number {
  const [lo, hi] = spec.range;
  const mA = 4 + (16 * (v - lo)) / (hi - lo);
  // NAMUR NE43 saturation: a live transmitter stays within 3.8..20.5 mA.
  return Math.min(20.5, Math.max(3.8, mA));
}

/** What the control system reads from sensor `si` at tick t. */
export function reading(s: State, si: number, t: number): Reading {
  const spec = s.model.sensors[si]!;
  let sd = spec.noiseSd;
  for (const fi of s.model.faultsOf[spec.station]!) {
    const f = s.faults[fi]!;
    if (f.phase !== 'active') continue;
    const fs = s.model.faults[fi]!;
    if (fs.type === 'sensorDead' && fs.sensor === si) {
      return { value: null, mA: fs.signal === 'high' ? 22 : 1.2, quality: 'bad' };
    }
    if (fs.type === 'sensorStuck' && fs.sensor === si) return { value: f.frozen, mA: toMilliamps(spec, f.frozen), quality: 'good' };
    if (fs.type === 'sensorNoisy' && fs.sensor === si) sd = Math.max(sd, spec.noiseSd) * fs.factor;
  }
  if (spec.kind === 'dimension') {
    const st = s.stations[spec.station]!;
    if (st.lastDim === null) return { value: null, mA: 4, quality: 'good' };
    return { value: st.lastDim, mA: toMilliamps(spec, st.lastDim), quality: 'good' };
  }
  const v = noisy(spec, trueValue(s, si, t), sd, t, s.seed);
  return { value: v, mA: toMilliamps(spec, v), quality: 'good' };
}

/**
 * What the station's gauge reports for a part of true dimension `dim`: the gauge's calibration
 * offset, and a stuck, noisy or dead dimension sensor, all act on the measurement. Decisions
 * taken on the measurement (an inspection's verdict) follow it, as they would on a real line.
 */
export function gaugeReading(s: State, i: number, dim: number): number | null {
  const st = s.stations[i]!;
  let measured = dim + st.gaugeOffset;
  const si = s.model.sensorsOf[i]!.dimension;
  if (si === undefined) return measured;
  const sensor = s.model.sensors[si]!;
  for (const fi of s.model.faultsOf[i]!) {
    const f = s.faults[fi]!;
    if (f.phase !== 'active') continue;
    const fs = s.model.faults[fi]!;
    if (fs.type === 'sensorDead' && fs.sensor === si) return null;
    if (fs.type === 'sensorStuck' && fs.sensor === si) return f.frozen;
    if (fs.type === 'sensorNoisy' && fs.sensor === si) {
      const spread = (sensor.normal[1] - sensor.normal[0]) / 6;
      measured += spread * (fs.factor - 1) * noiseNormal(sensor.noiseKey ^ s.seed, s.tick * 7 + st.c.processed);
    }
  }
  return measured;
}
