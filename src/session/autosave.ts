/**
 * Autosave of the run in progress to IndexedDB, so closing the tab, a crash or a reload loses
 * nothing: the draft is the scenario, the command log and the tick reached, which is all it
 * takes to rebuild the exact state. Browser only; every failure is swallowed (a run must never
 * stop because storage is full or private).
 */
import type { Command } from '../engine';
import { withStore } from './db';

export interface Draft {
  readonly scenario: unknown;
  readonly commands: readonly Command[];
  readonly tick: number;
  readonly savedAt: string;
  /** The sessions-list entry of this run (absent in drafts saved before the list existed). */
  readonly runId?: string;
  /** The state hash at `tick`, shown again when the run is resumed. */
  readonly hash?: string;
}

const KEY = 'current';

export async function saveDraft(d: Draft): Promise<void> {
  await withStore('drafts', 'readwrite', (s) => s.put(d, KEY));
}

export async function loadDraft(): Promise<Draft | null> {
  const d = await withStore<Draft | undefined>('drafts', 'readonly', (s) => s.get(KEY) as IDBRequest<Draft | undefined>);
  return d ?? null;
}

export async function clearDraft(): Promise<void> {
  await withStore('drafts', 'readwrite', (s) => s.delete(KEY));
}
