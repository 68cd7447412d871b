/**
 * A value kept outside React that panels read and follow (what the service worker or the
 * storage said): set it from anywhere, read it with `use`.
 */
import { useSyncExternalStore } from 'react';

export interface ExternalValue<T> {
  get(): T;
  set(next: T): void;
  use(): T;
  /** Called after each change, outside React (a controller that follows a setting). */
  subscribe(cb: () => void): () => void;
}

export function externalValue<T>(initial: T): ExternalValue<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  const subscribe = (cb: () => void) => {
    listeners.add(cb);
    return () => {
      listeners.delete(cb);
    };
  };
  return {
    get: () => value,
    set: (next) => {
      value = next;
      for (const l of listeners) l();
    },
    use: () => useSyncExternalStore(subscribe, () => value, () => value),
    subscribe,
  };
}
