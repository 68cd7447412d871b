/**
 * The set of stations touched since the last settle. It is scratch space, not state: it is
 * always empty between engine calls, so it never needs to be snapshotted.
 */
import type { State } from './state';

let flags = new Uint8Array(64);
const list: number[] = [];

export function markStation(s: State, i: number): void {
  if (flags.length < s.stations.length) {
    const grown = new Uint8Array(s.stations.length * 2);
    grown.set(flags);
    flags = grown;
  }
  if (flags[i] === 0) {
    flags[i] = 1;
    list.push(i);
  }
}

/** Take the marked stations in marking order, clearing the marks. */
export function takeMarked(out: number[]): void {
  for (const i of list) {
    flags[i] = 0;
    out.push(i);
  }
  list.length = 0;
}

export function hasMarked(): boolean {
  return list.length > 0;
}
