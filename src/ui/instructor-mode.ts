/**
 * Whether the instructor's tools are shown (library notes, the fault-injection panel). Kept in
 * localStorage so a teacher's laptop stays in instructor mode; students see none of it by default.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'lf.instructor';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

let current = read();

export function setInstructorMode(on: boolean): void {
  current = on;
  try {
    globalThis.localStorage?.setItem(KEY, on ? '1' : '0');
  } catch {
    // not remembered, but still switched
  }
  for (const l of listeners) l();
}

export function useInstructorMode(): boolean {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => current,
    () => current,
  );
}
