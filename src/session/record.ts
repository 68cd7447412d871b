/**
 * Recording and verifying runs. A session is the scenario, the seed and the command log; the
 * state hash at regular checkpoints lets a replay prove it reproduces the original run, or
 * find the first checkpoint where it does not (desync detection, as in lockstep games).
 */
import { advance, apply, type Command, createState, ENGINE_VERSION, type LineModel, type State, stateHash } from '../engine';

/** Checkpoint spacing: every 10 simulated minutes. */
export const CHECKPOINT_TICKS = 6000;

export interface Checkpoint {
  readonly tick: number;
  readonly hash: string;
}

/**
 * Advance `s` to `toTick`, stopping at each checkpoint boundary on the way to hash it.
 * Used live (the engine service) and on replay, so both take hashes at the same ticks.
 */
export function advanceRecording(s: State, toTick: number, out: Checkpoint[], onTick?: (tick: number) => void): void {
  for (;;) {
    const next = (Math.floor(s.tick / CHECKPOINT_TICKS) + 1) * CHECKPOINT_TICKS;
    if (next > toTick) break;
    advance(s, next);
    out.push({ tick: next, hash: stateHash(s) });
    onTick?.(next);
  }
  advance(s, toTick);
  onTick?.(s.tick);
}

/** Apply a command log to `s` up to `endTick`, taking checkpoints as a live run does. */
export function replayInto(s: State, commands: readonly Command[], endTick: number, checkpoints: Checkpoint[], onTick?: (tick: number) => void): void {
  for (const c of commands) {
    if (c.tick > endTick) break;
    advanceRecording(s, c.tick, checkpoints, onTick);
    apply(s, c);
  }
  advanceRecording(s, endTick, checkpoints, onTick);
}

/** Replay a command log from scratch to `endTick`; the last checkpoint is the final state. */
export function replay(model: LineModel, seed: number, commands: readonly Command[], endTick: number, onTick?: (tick: number) => void): { state: State; checkpoints: Checkpoint[] } {
  const s = createState(model, seed);
  const checkpoints: Checkpoint[] = [];
  replayInto(s, commands, endTick, checkpoints, onTick);
  checkpoints.push({ tick: s.tick, hash: stateHash(s) });
  return { state: s, checkpoints };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Whether a replay reproduces its recording. `recordedWith` is the engine version of a file made
 * by another version, null for one of this version.
 */
export type Verification =
  | { readonly kind: 'reproduces'; readonly reproduces: true; readonly recordedWith: number | null }
  | { readonly kind: 'diverges'; readonly reproduces: false; readonly firstDivergentTick: number; readonly expected: string; readonly got: string; readonly recordedWith: number | null };

/**
 * Compare a replay with its recording, whichever engine version made it. Each checkpoint hashes
 * the whole state, so a file of an older version whose checkpoints this engine reproduces is a
 * run that plays out here exactly as it did there (a version changes only what some command
 * logs do: most replay as before). One that diverges is either edited or met a rule that has
 * changed since: with another version the replay cannot tell which, and says so.
 */
export function verifyCheckpoints(engine: number, recorded: readonly Checkpoint[], replayed: readonly Checkpoint[]): Verification {
  const recordedWith = engine === ENGINE_VERSION ? null : engine;
  return { ...compareCheckpoints(recorded, replayed), recordedWith };
}

/**
 * Compare recorded checkpoints with a replay's. A tick may carry two checkpoints (the boundary
 * hash, then the final state after a command stamped at that very tick): they pair up in order.
 */
export function compareCheckpoints(recorded: readonly Checkpoint[], replayed: readonly Checkpoint[]): DistributiveOmit<Verification, 'recordedWith'> {
  const byTick = new Map<number, string[]>();
  for (const c of replayed) byTick.set(c.tick, [...(byTick.get(c.tick) ?? []), c.hash]);
  const seen = new Map<number, number>();
  for (const c of recorded) {
    const n = seen.get(c.tick) ?? 0;
    seen.set(c.tick, n + 1);
    const hashes = byTick.get(c.tick) ?? [];
    // A recorded checkpoint beyond the replay's count at that tick is compared with its last.
    const got = hashes[Math.min(n, hashes.length - 1)];
    if (got !== c.hash) return { kind: 'diverges', reproduces: false, firstDivergentTick: c.tick, expected: c.hash, got: got ?? '(no checkpoint at this tick)' };
  }
  return { kind: 'reproduces', reproduces: true };
}
