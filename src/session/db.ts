/**
 * The browser's own database (IndexedDB, raw API: a few object stores do not need a library).
 * Reads that fail resolve to null (the page goes on without what it could not read); writes say
 * whether they landed and why not, so a full disk is told to the student and the work is kept in
 * memory and retried (src/app/persist.ts), never silently lost.
 */
const DB = 'learning-factory';
/** 1: drafts; 2: sessions and progress; 3: the run journal (append-only records of a run in progress); 4: scenarios made in the editor. */
const VERSION = 4;
export type StoreName = 'drafts' | 'sessions' | 'progress' | 'journal' | 'scenarios';
const STORES: readonly StoreName[] = ['drafts', 'sessions', 'progress', 'journal', 'scenarios'];

/** How a write ended: landed, or refused because the browser's quota is used up, or storage is missing. */
export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly reason: 'quota' | 'unavailable' | 'failed'; readonly message: string };

function open(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      if (typeof indexedDB === 'undefined') return resolve(null);
      const req = indexedDB.open(DB, VERSION);
      req.onupgradeneeded = () => {
        // Later versions add stores and never drop data.
        for (const name of STORES) {
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
function database(): Promise<IDBDatabase | null> {
  opened ??= open();
  return opened;
}

export async function withStore<T>(name: StoreName, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T> | null): Promise<T | null> {
  const db = await database();
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

function failure(e: unknown): WriteResult {
  const name = e instanceof DOMException ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  return { ok: false, reason: name === 'QuotaExceededError' ? 'quota' : 'failed', message };
}

/** One transaction over the given stores; resolves when it has committed, or with why not. */
export async function write(names: readonly StoreName[], fn: (stores: (name: StoreName) => IDBObjectStore) => void): Promise<WriteResult> {
  const db = await database();
  if (db === null) return { ok: false, reason: 'unavailable', message: 'this browser keeps no data for this page' };
  return new Promise((resolve) => {
    try {
      const tx = db.transaction([...names], 'readwrite');
      tx.oncomplete = () => resolve({ ok: true });
      // A quota error surfaces on the transaction (its error), not always on a request.
      tx.onabort = () => resolve(failure(tx.error));
      fn((name) => tx.objectStore(name));
    } catch (e) {
      resolve(failure(e));
    }
  });
}
