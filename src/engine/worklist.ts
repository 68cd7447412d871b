/**
 * The stations touched since the last settle, in the order they were touched. Scratch space,
 * not state: it is always empty between engine calls, so it is never snapshotted. Kept in
 * preallocated arrays because it is the innermost loop of the engine.
 */
import type { State } from './state';

let flags = new Uint8Array(64);
let list = new Int32Array(256);
let head = 0;
let tail = 0;

export function markStation(s: State, i: number): void {
  if (i >= flags.length) {
    const grown = new Uint8Array(s.stations.length * 2);
    grown.set(flags);
    flags = grown;
  }
  if (flags[i] !== 0) return;
  flags[i] = 1;
  if (tail === list.length) {
    if (head > 0) {
      list.copyWithin(0, head, tail);
      tail -= head;
      head = 0;
    } else {
      const grown = new Int32Array(list.length * 2);
      grown.set(list);
      list = grown;
    }
  }
  list[tail++] = i;
}

/** The next marked station (its mark cleared), or -1 when none is left. */
export function popMarked(): number {
  if (head === tail) {
    head = 0;
    tail = 0;
    return -1;
  }
  const i = list[head++]!;
  flags[i] = 0;
  return i;
}
