/**
 * What the service worker has told the page (src/app/pwa.ts registers it): whether the app
 * works offline, and whether a new version waits. Panels read it with `usePwa`.
 */
import { externalValue } from './external-value';

export interface PwaState {
  /** The app shell and every asset are cached: it loads and runs with the network off. */
  readonly offline: boolean;
  /** A new version was downloaded and waits for the page to take it. */
  readonly updateWaiting: boolean;
}

const state = externalValue<PwaState>({ offline: false, updateWaiting: false });
let apply: () => void = () => undefined;

export function setPwaState(next: Partial<PwaState>): void {
  state.set({ ...state.get(), ...next });
}

/** How the page takes the waiting version (reloads it): set by the registration. */
export function setUpdater(update: () => void): void {
  apply = update;
}

export function applyUpdate(): void {
  apply();
}

export const usePwa = (): PwaState => state.use();
