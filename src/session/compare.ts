/**
 * One side of a comparison between two sessions of a scenario: its KPI trends, its timeline and
 * its assessment, from one re-simulation (no keyframes: nothing is sought).
 */
import type { Assessment, Progress } from '../assessment';
import { loadScenarioJson } from '../scenario';
import { buildReplayIndex, type KpiSamples, type Marker } from './replay-index';
import type { RunStatus } from './run-status';
import type { SessionFile } from './session-file';

export interface CompareSide {
  /** The run's own name; empty when the student never named it (the page shows the scenario's title). */
  readonly name: string;
  /** When the run began (ISO time), or null for a file that does not say: two runs of one drill are told apart by it. */
  readonly startedAt: string | null;
  readonly scenario: SessionFile['scenario'];
  readonly endTick: number;
  readonly kpis: KpiSamples;
  readonly markers: readonly Marker[];
  readonly assessment: Assessment;
  readonly reproduces: boolean;
  /** Whether the run was finished: an unfinished one has no verdict to compare. */
  readonly status: RunStatus;
}

/** Null when the session's embedded scenario does not load. */
export function compareSide(file: SessionFile, status?: RunStatus, progress?: Progress): CompareSide | null {
  const r = loadScenarioJson(file.scenario);
  if (!r.ok) return null;
  const index = buildReplayIndex(r.model, file, progress === undefined ? { keyframes: false } : { keyframes: false, progress });
  return {
    name: file.name ?? '',
    startedAt: file.createdAt ?? null,
    scenario: file.scenario, endTick: file.endTick, kpis: index.kpis, markers: index.markers, assessment: index.assessment, reproduces: index.verification.reproduces,
    status: status ?? { kind: 'finished', score: index.assessment.score, passed: index.assessment.passed },
  };
}
