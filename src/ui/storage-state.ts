/**
 * Whether the student's work is safely in the browser's storage (src/app/persist.ts writes it):
 * when a write fails (the disk or the browser's quota is full), the work is kept in memory and
 * retried, and the page says so until it has landed.
 */
import { useSyncExternalStore } from 'react';

export interface StorageState {
  /** Why the last write failed, while work waits in memory; null when everything is saved. */
  readonly problem: { readonly reason: 'quota' | 'unavailable' | 'failed'; readonly message: string } | null;
}

let state: StorageState = { problem: null };
const listeners = new Set<() => void>();

export function setStorageState(next: StorageState): void {
  if (next.problem?.reason === state.problem?.reason && next.problem?.message === state.problem?.message) return;
  state = next;
  for (const l of listeners) l();
}

export function getStorageState(): StorageState {
  return state;
}

export function useStorageState(): StorageState {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => state,
    () => state,
  );
}
