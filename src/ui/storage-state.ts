/**
 * Whether the student's work is safely in the browser's storage (src/app/persist.ts writes it):
 * when a write fails (the disk or the browser's quota is full), the work is kept in memory and
 * retried, and the page says so until it has landed.
 */
import { externalValue } from './external-value';

export interface StorageState {
  /** Why the last write failed, while work waits in memory; null when everything is saved. */
  readonly problem: { readonly reason: 'quota' | 'unavailable' | 'failed'; readonly message: string } | null;
}

const state = externalValue<StorageState>({ problem: null });

export function setStorageState(next: StorageState): void {
  const now = state.get().problem;
  if (next.problem?.reason === now?.reason && next.problem?.message === now?.message) return;
  state.set(next);
}

export const useStorageState = (): StorageState => state.use();
