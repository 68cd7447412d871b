/**
 * The sessions list: every run the student made in this browser and every session file
 * imported, kept in IndexedDB with what the list shows (scenario, date, duration, score).
 */
import type { ScenarioFile } from '../scenario';
import { withStore, type WriteResult, write } from './db';
import { dropJournal, readJournal } from './journal';
import { makeSession, type SessionFile } from './session-file';

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
  /** The assessment's rules the score was given by (ASSESSMENT_VERSION; absent: before it existed). */
  readonly scoredWith?: number;
  readonly finished: boolean;
  readonly file: SessionFile;
}

export function putSession(s: SavedSession): Promise<WriteResult> {
  return write(['sessions'], (store) => store('sessions').put(s, s.id));
}

/**
 * A run not yet finished is kept as a header and a journal (journal.ts): its session file is
 * put together from them when it is read, so the list replays and exports it as it is now.
 */
async function withJournal(s: SavedSession): Promise<SavedSession> {
  if (s.finished) return s;
  const j = await readJournal(s.id);
  if (j.progress === null) return s;
  const file = makeSession(s.file.scenario, s.file.seed, j.commands, j.progress.tick, [...j.checkpoints, ...(j.progress.hash ? [{ tick: j.progress.tick, hash: j.progress.hash }] : [])], {
    name: s.file.name,
    hintsAllowed: s.file.hintsAllowed !== false,
  });
  return { ...s, endTick: j.progress.tick, savedAt: j.progress.savedAt, file: { ...file, ...(s.file.createdAt ? { createdAt: s.file.createdAt } : {}) } };
}

export async function getSession(id: string): Promise<SavedSession | null> {
  const s = (await withStore<SavedSession | undefined>('sessions', 'readonly', (st) => st.get(id) as IDBRequest<SavedSession | undefined>)) ?? null;
  return s === null ? null : withJournal(s);
}

/** Newest first. */
export async function listSessions(): Promise<SavedSession[]> {
  const all = (await withStore<SavedSession[]>('sessions', 'readonly', (st) => st.getAll() as IDBRequest<SavedSession[]>)) ?? [];
  const merged = await Promise.all(all.map(withJournal));
  return merged.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** Whether this browser keeps any run or imported session (false when its storage is unavailable). */
export async function hasSessions(): Promise<boolean> {
  return ((await withStore<number>('sessions', 'readonly', (st) => st.count())) ?? 0) > 0;
}

export async function deleteSession(id: string): Promise<WriteResult> {
  const r = await write(['sessions'], (store) => store('sessions').delete(id));
  await dropJournal(id);
  return r;
}

/** Delete many at once (the library's bulk delete). */
export async function deleteSessions(ids: readonly string[]): Promise<WriteResult> {
  const r = await write(['sessions'], (store) => {
    for (const id of ids) store('sessions').delete(id);
  });
  for (const id of ids) await dropJournal(id);
  return r;
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
