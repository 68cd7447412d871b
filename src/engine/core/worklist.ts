/**
 * What the flow has still to look at before the line is at rest. Two sets: the stations marked
 * since the last settle, in the order they were marked (each may have a part to hand on: the
 * settle tries them in that order, which fixes how ties break), and the stations touched (their
 * interlock and timer are brought up to date once the flow is at rest, in any order: each
 * concerns one station only). A marked station is touched when the settle takes it; a station
 * that can have nothing to hand on (one that has just taken a part into work) is only touched,
 * which spares the settle a try that would fail.
 *
 * Scratch space, not state: both are empty between engine calls, so they are never
 * snapshotted. Kept in preallocated arrays because this is the innermost loop of the engine.
 */
import { Kind } from './model';
import type { State } from './state';

// One const object rather than module-level `let`s: every read of a `let` binding from another
// function pays a temporal-dead-zone check in ESM, measurable in the innermost loop.
const w = {
  flags: new Uint8Array(64),
  list: new Int32Array(256),
  head: 0,
  tail: 0,
  touchedFlags: new Uint8Array(64),
  touched: new Int32Array(64),
  touchedCount: 0,
};

export function markStation(s: State, i: number): void {
  if (i >= w.flags.length || w.tail === w.list.length) makeRoom(s);
  if (w.flags[i] !== 0) return;
  w.flags[i] = 1;
  w.list[w.tail++] = i;
}

// Apart from markStation so that its hot path stays small enough for V8 to inline everywhere
// (the engine marks a station ~7 times per event; see bench/engine.bench.ts).
function makeRoom(s: State): void {
  if (w.flags.length < s.stations.length) {
    const grown = new Uint8Array(s.stations.length * 2);
    grown.set(w.flags);
    w.flags = grown;
    const touchedFlags = new Uint8Array(s.stations.length * 2);
    touchedFlags.set(w.touchedFlags);
    w.touchedFlags = touchedFlags;
    const touched = new Int32Array(s.stations.length * 2);
    touched.set(w.touched);
    w.touched = touched;
  }
  if (w.tail < w.list.length) return;
  if (w.head > 0) {
    w.list.copyWithin(0, w.head, w.tail);
    w.tail -= w.head;
    w.head = 0;
  } else {
    const grown = new Int32Array(w.list.length * 2);
    grown.set(w.list);
    w.list = grown;
  }
}

/** Station i's interlock and timer are to be brought up to date when the flow is at rest. */
export function touchStation(s: State, i: number): void {
  if (i >= w.touchedFlags.length) makeRoom(s);
  if (w.touchedFlags[i] !== 0) return;
  w.touchedFlags[i] = 1;
  w.touched[w.touchedCount++] = i;
}

/** A touched station (its touch cleared), or -1 when none is left. */
export function popTouched(): number {
  if (w.touchedCount === 0) return -1;
  const i = w.touched[--w.touchedCount]!;
  w.touchedFlags[i] = 0;
  return i;
}

/**
 * Forget every mark and touch. Both sets are empty whenever an engine call returns normally;
 * after one that threw (a broken model, the no-progress guard), what it left must not leak
 * into the next state the engine is given.
 */
export function clearWorklist(): void {
  while (popMarked() >= 0) {
    // each pop clears its flag
  }
  while (popTouched() >= 0) {
    // each pop clears its flag
  }
}

/** The next marked station (its mark cleared), or -1 when none is left. */
export function popMarked(): number {
  if (w.head === w.tail) {
    w.head = 0;
    w.tail = 0;
    return -1;
  }
  const i = w.list[w.head++]!;
  w.flags[i] = 0;
  return i;
}

/**
 * Station i has room again: wake the upstream stations that have a part ready for it. A buffer
 * is passive (it hands a part on only when woken), so whatever frees a station must call this:
 * a part passed on, or a part scrapped where it stands.
 */
export function markInputs(s: State, i: number): void {
  const inputs = s.model.stations[i]!.inputs;
  for (let k = 0; k < inputs.length; k++) {
    const u = inputs[k]!;
    const up = s.stations[u]!;
    if (up.done !== null || up.queue.length > 0 || s.model.stations[u]!.kind === Kind.source) markStation(s, u);
  }
}
