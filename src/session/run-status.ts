/**
 * A run's status, the same in the sessions list, the library's progress and the compare view:
 * in progress (the run that can be resumed), finished (passed or not, with its score), or
 * abandoned (left before the end and no longer the run in progress). Imported files count as
 * finished: they were exported from a run.
 */
export type RunStatus =
  | { readonly kind: 'inProgress' }
  | { readonly kind: 'finished'; readonly score: number; readonly passed: boolean }
  | { readonly kind: 'abandoned' };

export interface RunRecord {
  readonly id: string;
  readonly finished: boolean;
  readonly score: number | null;
  readonly passed: boolean | null;
}

/** `currentRunId`: the run the browser would offer to resume (the draft's), or null. */
export function runStatus(run: RunRecord, currentRunId: string | null): RunStatus {
  if (run.finished && run.score !== null) return { kind: 'finished', score: run.score, passed: run.passed === true };
  if (run.id === currentRunId) return { kind: 'inProgress' };
  return { kind: 'abandoned' };
}
