/**
 * The sessions list: every run the student made in this browser and every session file
 * imported, kept in IndexedDB with what the list shows (scenario, date, duration, score).
 */
import type { ScenarioFile } from '../scenario';
import { withStore } from './db';
import type { SessionFile } from './session-file';

export interface SavedSession {
  readonly id: string;
  readonly name: string;
  readonly scenarioId: string;
  readonly title: ScenarioFile['title'];
  readonly savedAt: string;
  readonly endTick: number;
  /** Null while the run is still going. */
  readonly score: number | null;
  readonly passed: boolean | null;
  readonly finished: boolean;
  readonly file: SessionFile;
}

export async function putSession(s: SavedSession): Promise<void> {
  await withStore('sessions', 'readwrite', (st) => st.put(s, s.id));
}

export async function getSession(id: string): Promise<SavedSession | null> {
  return (await withStore<SavedSession | undefined>('sessions', 'readonly', (st) => st.get(id) as IDBRequest<SavedSession | undefined>)) ?? null;
}

/** Newest first. */
export async function listSessions(): Promise<SavedSession[]> {
  const all = (await withStore<SavedSession[]>('sessions', 'readonly', (st) => st.getAll() as IDBRequest<SavedSession[]>)) ?? [];
  return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function deleteSession(id: string): Promise<void> {
  await withStore('sessions', 'readwrite', (st) => st.delete(id));
}

export async function renameSession(id: string, name: string): Promise<void> {
  const s = await getSession(id);
  if (s === null) return;
  const trimmed = name.trim().slice(0, 200);
  await putSession({ ...s, name: trimmed, file: { ...s.file, name: trimmed } });
}

/** A new id for a run or an import. */
export function newSessionId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `s-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}
