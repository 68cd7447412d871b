import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SimStore, SimStoreApi } from './sim-store';

export const SimContext = createContext<SimStoreApi | null>(null);

/** Select a slice of the simulation store; components re-render only when it changes. */
export function useSim<T>(selector: (s: SimStore) => T): T {
  const api = useContext(SimContext);
  if (api === null) throw new Error('useSim outside <SimContext.Provider>');
  return useStore(api, selector);
}
