/**
 * Simulated time is an integer tick of fixed length. Everything in the engine counts ticks;
 * seconds exist only at the edges (scenario files, reports).
 */
export const TICK_MS = 100;
export const TICKS_PER_SECOND = 1000 / TICK_MS;

/**
 * A tick that never comes: JSON-safe (unlike Infinity), so snapshots round-trip exactly, and
 * small enough to stay a small integer in every JS engine (2^30 - 1), which keeps the hot
 * fields of the state unboxed. It bounds a run at about 3.4 simulated years.
 */
export const NEVER = 1_073_741_823;

export function secondsToTicks(seconds: number): number {
  return Math.round(seconds * TICKS_PER_SECOND);
}

export function ticksToSeconds(ticks: number): number {
  return ticks / TICKS_PER_SECOND;
}
