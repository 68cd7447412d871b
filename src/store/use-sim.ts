import { createContext, useContext, useSyncExternalStore } from 'react';
import type { History } from '../session/history';
import type { SimStore, SimStoreApi } from './sim-store';

export const SimContext = createContext<SimStoreApi | null>(null);

/** Select a slice of the simulation store; components re-render only when it changes. */
export function useSim<T>(selector: (s: SimStore) => T): T {
  const api = useContext(SimContext);
  if (api === null) throw new Error('useSim outside <SimContext.Provider>');
  // The current state serves as the server snapshot too, so panels render the same to static
  // markup (tests, print) as in the page. Selectors return primitives or stored objects.
  const get = () => selector(api.getState());
  return useSyncExternalStore(api.subscribe, get, get);
}

/** The store's view history; charts re-render when it grows. */
export function useSimHistory(): History | null {
  const api = useContext(SimContext);
  useSim((s) => s.historyVersion);
  return api === null ? null : api.history();
}

/** The store itself, for code that reads fast values outside React (the 3D view). */
export function useSimApi(): SimStoreApi {
  const api = useContext(SimContext);
  if (api === null) throw new Error('useSimApi outside <SimContext.Provider>');
  return api;
}
