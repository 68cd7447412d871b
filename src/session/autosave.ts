/**
 * The run in progress, to offer back after a reload or a crash: the draft pointer names the run
 * and holds its scenario (written once when the run starts); its commands, checkpoints and tick
 * are in the run's journal (journal.ts). Together they are all it takes to rebuild the exact state.
 */
import type { Command } from '../engine';
import type { ScenarioFile } from '../scenario';
import { withStore, type WriteResult, write } from './db';
import { readJournal, type RunHeader } from './journal';

export interface Draft {
  readonly scenario: unknown;
  readonly commands: readonly Command[];
  readonly tick: number;
  readonly savedAt: string;
  /** The sessions-list entry of this run (absent in drafts saved before the list existed). */
  readonly runId?: string;
  /** The state hash at `tick`, shown again when the run is resumed. */
  readonly hash?: string;
  /** False when the run's assignment switched hints off: they stay off when it is resumed. */
  readonly hintsAllowed?: boolean;
  /** The speed the run went at when it was saved. */
  readonly speed?: number;
}

const KEY = 'current';

/**
 * Told when the run in progress changes (a new one, or the offer discarded): the sessions list
 * shows which run that is, and showed a discarded one "in progress" until the page was reloaded.
 */
const listeners = new Set<() => void>();
export function onDraftChange(cb: () => void): () => void {
  listeners.add(cb);
  return () => {
    listeners.delete(cb);
  };
}
const changed = () => {
  for (const cb of listeners) cb();
};

/** A new run in progress: the pointer and its scenario, once. */
export async function startDraft(header: RunHeader): Promise<WriteResult> {
  const r = await write(['drafts'], (store) => store('drafts').put(header, KEY));
  changed();
  return r;
}

export async function loadDraft(): Promise<Draft | null> {
  const d = await withStore<RunHeader | Draft | undefined>('drafts', 'readonly', (s) => s.get(KEY) as IDBRequest<RunHeader | Draft | undefined>);
  if (d === undefined || d === null) return null;
  // Drafts of earlier versions held the whole command log.
  if ('commands' in d) return d;
  const journal = await readJournal(d.runId);
  const progress = journal.progress;
  return {
    scenario: d.scenario as ScenarioFile,
    commands: journal.commands,
    tick: progress?.tick ?? 0,
    savedAt: progress?.savedAt ?? d.savedAt,
    runId: d.runId,
    ...(progress?.hash !== undefined ? { hash: progress.hash } : {}),
    ...(progress?.speed !== undefined ? { speed: progress.speed } : {}),
    ...(d.hintsAllowed === false ? { hintsAllowed: false } : {}),
  };
}

/** The run in progress is no longer offered back (its journal stays with its sessions-list entry). */
export async function clearDraft(): Promise<void> {
  await withStore('drafts', 'readwrite', (s) => s.delete(KEY));
  changed();
}

/** Which run the draft points at, without reading its journal. */
export async function draftRunId(): Promise<string | null> {
  const d = await withStore<RunHeader | Draft | undefined>('drafts', 'readonly', (s) => s.get(KEY) as IDBRequest<RunHeader | Draft | undefined>);
  return d?.runId ?? null;
}
