/**
 * Where a student stands with an assignment, from their runs of its exact scenario (the server
 * decides it from what it stored and verified; never from what the app says). A pass counts only
 * when the server's own re-simulation reproduced the run.
 */
import type { AssignmentStatus, RunVerdict } from './school-api';

export interface RunState {
  /** Null while the run goes on. */
  readonly endTick: number | null;
  readonly verdict: RunVerdict;
}

export function assignmentStatus(runs: readonly RunState[]): AssignmentStatus {
  if (runs.length === 0) return 'notStarted';
  if (runs.some((r) => r.endTick !== null && r.verdict.status === 'reproduces' && r.verdict.passed === true)) return 'passed';
  // Still running, or ended and still being checked: not yet failed.
  if (runs.some((r) => r.endTick === null || r.verdict.status === 'pending')) return 'inProgress';
  return 'failed';
}
