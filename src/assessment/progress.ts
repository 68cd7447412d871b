/**
 * How far a long re-simulation has come. Verifying or replaying a session of many simulated
 * days takes seconds on a student's laptop: the page shows a bar and may cancel. Reports are
 * plain fractions of the work (0 to 1); nothing here reads a clock, so the engine stays pure.
 */
import { advance, type State } from '../engine';

/** Told the fraction of the work done so far, 0 to 1, never decreasing. */
export type Progress = (fraction: number) => void;

/** Simulated time between two reports of one pass: one hour. */
const SLICE_TICKS = 36_000;

/** The share of a progress between `from` and `to`, for one pass of several. */
export function part(progress: Progress | undefined, from: number, to: number): Progress | undefined {
  return progress === undefined ? undefined : (f) => progress(from + (to - from) * Math.min(1, Math.max(0, f)));
}

/** A progress told the tick a pass has reached, out of `endTick`. */
export function byTick(progress: Progress | undefined, endTick: number): ((tick: number) => void) | undefined {
  return progress === undefined ? undefined : (tick) => progress(endTick <= 0 ? 1 : tick / endTick);
}

/**
 * `advance` in slices of an hour, telling `onTick` the tick reached after each. Slicing changes
 * nothing in the run: the engine gives the same state however its advances are cut.
 */
export function advanceReporting(s: State, toTick: number, onTick?: (tick: number) => void): void {
  if (onTick !== undefined) {
    for (let t = s.tick + SLICE_TICKS; t < toTick; t += SLICE_TICKS) {
      advance(s, t);
      onTick(t);
    }
  }
  advance(s, Math.max(s.tick, toTick));
  onTick?.(s.tick);
}

/**
 * Passes on only reports that moved by at least `step` (and the last one), so a worker posts a
 * hundred messages for a long run, not tens of thousands.
 */
export function throttled(progress: Progress, step = 0.005): Progress {
  let last = -1;
  return (f) => {
    if (f >= 1 ? last >= 1 : f - last < step) return;
    last = f;
    progress(f);
  };
}
