/**
 * The browser's own database (IndexedDB, raw API: two object stores do not need a library).
 * Every failure resolves to null: a run must never stop because storage is full, private or
 * missing, and progress is kept only as far as the browser allows.
 */
const DB = 'learning-factory';
const VERSION = 2;
export type StoreName = 'drafts' | 'sessions' | 'progress';

function open(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      if (typeof indexedDB === 'undefined') return resolve(null);
      const req = indexedDB.open(DB, VERSION);
      req.onupgradeneeded = () => {
        // Version 1 had only the drafts; later versions add stores and never drop data.
        for (const name of ['drafts', 'sessions', 'progress'] as const) {
          if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name);
        }
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

let opened: Promise<IDBDatabase | null> | null = null;

export async function withStore<T>(name: StoreName, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T> | null): Promise<T | null> {
  opened ??= open();
  const db = await opened;
  if (db === null) return null;
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(name, mode);
      const req = fn(tx.objectStore(name));
      tx.oncomplete = () => resolve(req ? (req.result as T) : null);
      tx.onerror = () => resolve(null);
      tx.onabort = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}
