/**
 * What the service worker has told the page (src/app/pwa.ts registers it): whether the app
 * works offline, and whether a new version waits. Panels read it with `usePwa`.
 */
import { useSyncExternalStore } from 'react';

export interface PwaState {
  /** The app shell and every asset are cached: it loads and runs with the network off. */
  readonly offline: boolean;
  /** A new version was downloaded and waits for the page to take it. */
  readonly updateWaiting: boolean;
}

let state: PwaState = { offline: false, updateWaiting: false };
let apply: () => void = () => undefined;
const listeners = new Set<() => void>();

export function setPwaState(next: Partial<PwaState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

/** How the page takes the waiting version (reloads it): set by the registration. */
export function setUpdater(update: () => void): void {
  apply = update;
}

export function applyUpdate(): void {
  apply();
}

export function usePwa(): PwaState {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => state,
    () => state,
  );
}
