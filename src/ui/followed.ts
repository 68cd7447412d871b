/**
 * The student's run this page follows for an instructor (set by app/class-run.ts): which class
 * and run the follow panel's message and fault go to. Null on every other page.
 */
import { useSyncExternalStore } from 'react';

export interface Followed {
  readonly classId: number;
  readonly runId: number;
  readonly student: string;
}

let current: Followed | null = null;
const listeners = new Set<() => void>();

export function setFollowed(f: Followed | null): void {
  current = f;
  for (const l of listeners) l();
}

export function useFollowed(): Followed | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
