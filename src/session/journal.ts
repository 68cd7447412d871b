/**
 * The run in progress, kept append-only: its header (the scenario) once when it starts, then
 * one small record per command and per checkpoint as they come, and its tick and hash in a
 * record of a few bytes. An eight-hour drill costs what its commands cost, not a copy of the
 * whole session every few seconds. A finished run is written whole into the sessions list once
 * and its journal dropped.
 */
import type { Command } from '../engine';
import type { ScenarioFile } from '../scenario';
import { withStore, type WriteResult, write } from './db';
import type { Checkpoint } from './record';

/** Journal keys are [runId, kind, index]: a run's commands, then its checkpoints, in order. */
const COMMAND = 0;
const CHECKPOINT = 1;
const LAST = Number.MAX_SAFE_INTEGER;

export interface RunHeader {
  readonly runId: string;
  readonly scenario: ScenarioFile;
  readonly savedAt: string;
  /** False when the run was started from an assignment with hints switched off (absent: allowed). */
  readonly hintsAllowed?: boolean;
}

export interface RunProgress {
  readonly tick: number;
  /** The state hash at `tick`, shown again when the run is resumed. */
  readonly hash?: string;
  readonly savedAt: string;
  /** The speed the run went at: a run resumed at 1x after one at 60x seemed to crawl. */
  readonly speed?: number;
}

export interface RunJournal {
  readonly commands: Command[];
  readonly checkpoints: Checkpoint[];
  readonly progress: RunProgress | null;
}

const progressKey = (runId: string) => `tick:${runId}`;
const range = (runId: string, kind: number) => IDBKeyRange.bound([runId, kind, 0], [runId, kind, LAST]);

/** What is already kept of a run: appends continue from these counts. */
export async function journalCounts(runId: string): Promise<{ commands: number; checkpoints: number }> {
  const commands = (await withStore<number>('journal', 'readonly', (s) => s.count(range(runId, COMMAND)))) ?? 0;
  const checkpoints = (await withStore<number>('journal', 'readonly', (s) => s.count(range(runId, CHECKPOINT)))) ?? 0;
  return { commands, checkpoints };
}

/**
 * Append the commands from index `fromCommand` on and the checkpoints from `fromCheckpoint` on,
 * and the run's progress, in one transaction: all of it lands, or none of it.
 */
export function appendToRun(runId: string, commands: readonly Command[], fromCommand: number, checkpoints: readonly Checkpoint[], fromCheckpoint: number, progress: RunProgress): Promise<WriteResult> {
  return write(['journal', 'drafts'], (store) => {
    const journal = store('journal');
    for (let k = fromCommand; k < commands.length; k++) journal.put(commands[k], [runId, COMMAND, k]);
    for (let k = fromCheckpoint; k < checkpoints.length; k++) journal.put(checkpoints[k], [runId, CHECKPOINT, k]);
    store('drafts').put(progress, progressKey(runId));
  });
}

export async function readJournal(runId: string): Promise<RunJournal> {
  const commands = (await withStore<Command[]>('journal', 'readonly', (s) => s.getAll(range(runId, COMMAND)) as IDBRequest<Command[]>)) ?? [];
  const checkpoints = (await withStore<Checkpoint[]>('journal', 'readonly', (s) => s.getAll(range(runId, CHECKPOINT)) as IDBRequest<Checkpoint[]>)) ?? [];
  const progress = (await withStore<RunProgress | undefined>('drafts', 'readonly', (s) => s.get(progressKey(runId)) as IDBRequest<RunProgress | undefined>)) ?? null;
  return { commands, checkpoints, progress };
}

/** Drop a run's journal (it was written whole, or deleted). */
export function dropJournal(runId: string): Promise<WriteResult> {
  return write(['journal', 'drafts'], (store) => {
    store('journal').delete(IDBKeyRange.bound([runId, COMMAND, 0], [runId, CHECKPOINT, LAST]));
    store('drafts').delete(progressKey(runId));
  });
}
