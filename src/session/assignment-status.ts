/**
 * Where a student stands with an assignment, from their runs of its exact scenario (the server
 * decides it from what it stored and verified; never from what the app says). A pass counts only
 * when the server's own re-simulation reproduced the run, and, where the assignment switched the
 * hints off, when the run asked for none (the same drill opened from the library offers them, and
 * a run of it has the assignment's scenario hash).
 */
import type { AssignmentStatus, RunVerdict } from './school-api';

export interface RunState {
  /** Null while the run goes on. */
  readonly endTick: number | null;
  readonly verdict: RunVerdict;
  /** Hints the run asked for, from the server's assessment of it (null until it has one). */
  readonly hints: number | null;
}

export function assignmentStatus(runs: readonly RunState[], hintsAllowed: boolean): AssignmentStatus {
  if (runs.length === 0) return 'notStarted';
  const counts = (r: RunState) => hintsAllowed || r.hints === 0;
  if (runs.some((r) => r.endTick !== null && r.verdict.status === 'reproduces' && r.verdict.passed === true && counts(r))) return 'passed';
  // Still running, or ended and still being checked: not yet failed.
  if (runs.some((r) => r.endTick === null || r.verdict.status === 'pending')) return 'inProgress';
  return 'failed';
}
