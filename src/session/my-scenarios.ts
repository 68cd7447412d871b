/**
 * Scenarios made or changed in the editor, kept in this browser ("My scenarios"): the file's
 * text as saved, so a file opened and saved unchanged stays the same file. A scenario with
 * errors may be kept (work in progress); the library offers to play only those that load.
 */
import { loadScenarioText, type LoadResult } from '../scenario';
import { withStore, type WriteResult, write } from './db';

export interface MyScenario {
  /** The scenario's id when it was saved: the key (saving under a new id keeps the old one until it is deleted). */
  readonly id: string;
  readonly text: string;
  readonly savedAt: string;
}

export interface MyScenarioEntry extends MyScenario {
  readonly loaded: LoadResult;
}

export function saveMyScenario(id: string, text: string, now: Date = new Date()): Promise<WriteResult> {
  const record: MyScenario = { id, text, savedAt: now.toISOString() };
  return write(['scenarios'], (store) => store('scenarios').put(record, id));
}

export function deleteMyScenario(id: string): Promise<WriteResult> {
  return write(['scenarios'], (store) => store('scenarios').delete(id));
}

export async function listMyScenarios(): Promise<MyScenarioEntry[]> {
  const all = (await withStore<MyScenario[]>('scenarios', 'readonly', (s) => s.getAll() as IDBRequest<MyScenario[]>)) ?? [];
  return all
    .filter((x) => typeof x?.id === 'string' && typeof x.text === 'string')
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt))
    .map((x) => ({ ...x, loaded: loadScenarioText(x.text) }));
}
