/**
 * The stations touched since the last settle, in the order they were touched. Scratch space,
 * not state: it is always empty between engine calls, so it is never snapshotted. Kept in
 * preallocated arrays because it is the innermost loop of the engine.
 */
import { Kind } from './model';
import type { State } from './state';

// One const object rather than module-level `let`s: every read of a `let` binding from another
// function pays a temporal-dead-zone check in ESM, measurable in the innermost loop.
const w = { flags: new Uint8Array(64), list: new Int32Array(256), head: 0, tail: 0 };

export function markStation(s: State, i: number): void {
  if (i >= w.flags.length) {
    const grown = new Uint8Array(s.stations.length * 2);
    grown.set(w.flags);
    w.flags = grown;
  }
  if (w.flags[i] !== 0) return;
  w.flags[i] = 1;
  if (w.tail === w.list.length) {
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
  w.list[w.tail++] = i;
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
