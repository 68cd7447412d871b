/**
 * Autosave of the run in progress to IndexedDB, so closing the tab, a crash or a reload loses
 * nothing: the draft is the scenario, the command log and the tick reached, which is all it
 * takes to rebuild the exact state. Browser only; every failure is swallowed (a run must never
 * stop because storage is full or private).
 */
import type { Command } from '../engine';

export interface Draft {
  readonly scenario: unknown;
  readonly commands: readonly Command[];
  readonly tick: number;
  readonly savedAt: string;
}

const DB = 'learning-factory';
const STORE = 'drafts';
const KEY = 'current';

function open(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      if (typeof indexedDB === 'undefined') return resolve(null);
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T> | null): Promise<T | null> {
  const db = await open();
  if (db === null) return null;
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req ? (req.result as T) : null);
      tx.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

export async function saveDraft(d: Draft): Promise<void> {
  await withStore('readwrite', (s) => s.put(d, KEY));
}

export async function loadDraft(): Promise<Draft | null> {
  const d = await withStore<Draft | undefined>('readonly', (s) => s.get(KEY) as IDBRequest<Draft | undefined>);
  return d ?? null;
}

export async function clearDraft(): Promise<void> {
  await withStore('readwrite', (s) => s.delete(KEY));
}
