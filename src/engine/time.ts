/**
 * Simulated time is an integer tick of fixed length. Everything in the engine counts ticks;
 * seconds exist only at the edges (scenario files, reports).
 */
export const TICK_MS = 100;
export const TICKS_PER_SECOND = 1000 / TICK_MS;

/** A tick that never comes: JSON-safe (unlike Infinity), so snapshots round-trip exactly. */
export const NEVER = Number.MAX_SAFE_INTEGER;

export function secondsToTicks(seconds: number): number {
  return Math.round(seconds * TICKS_PER_SECOND);
}

export function ticksToSeconds(ticks: number): number {
  return ticks / TICKS_PER_SECOND;
}
