/**
 * The heavy work the pages ask of recorded runs, as plain jobs: verify a session (is it
 * genuine?), score it, analyse a finished run for its debrief, compare two runs. Each re-runs
 * the engine over the whole session, which takes seconds for a long one, so the browser runs
 * them in a worker (analysis.worker.ts) with a progress bar and a cancel button; Node and tests
 * run them in-process. Jobs and results are plain data: they cross postMessage unchanged.
 */
import { type Assessment, type DrillProof, findSymptoms, part, type Progress, proveDrill, type SensorSide, type SymptomKind } from '../assessment';
import { type LineModel, TICKS_PER_SECOND } from '../engine';
import { describeErrors } from '../scenario';
import { loadScenarioJson } from '../scenario';
import { type BackupLoad, loadBackupText } from './backup';
import { type CompareSide, compareSide } from './compare';
import { buildReplayIndex, type KpiSamples, type Marker } from './replay-index';
import type { RunStatus } from './run-status';
import type { SessionFile } from './session-file';
import { scoreSession, type VerifyReport, verifySession } from './verify';

export type AnalysisJob =
  | { readonly kind: 'verify'; readonly session: SessionFile }
  | { readonly kind: 'score'; readonly session: SessionFile }
  | { readonly kind: 'debrief'; readonly session: SessionFile }
  | { readonly kind: 'compare'; readonly sessions: readonly [SessionFile, SessionFile]; readonly statuses?: readonly [RunStatus, RunStatus] }
  /** Parse and validate a backup file (every run's session), which may be large. */
  | { readonly kind: 'backup'; readonly text: string }
  /** The editor's drill check: the four proofs for a scenario (raw JSON, checked here). */
  | { readonly kind: 'prove'; readonly scenario: unknown };

/** What the debrief shows of a finished run: its assessment and the timeline of what happened. */
export interface DebriefAnalysis {
  readonly assessment: Assessment;
  readonly markers: readonly Marker[];
  readonly kpis: KpiSamples;
  /** What the line showed of each fault in its first hour that a stop or an alarm does not say (see seenOfFaults). */
  readonly seen: readonly SeenSymptom[];
}

/**
 * A symptom of a fault as the debrief tells it: the first moment of each kind the student could
 * have seen it, looked at as a student does (the screens, every ten seconds, against a fault-free
 * shift of the same seed). `detail`: the sensor's kind (sensor: out of its band or a bad signal;
 * trend), the SPC rule (spc), the parts scrapped or good since the fault began (scrap, output).
 */
export interface SeenSymptom {
  readonly fault: string;
  readonly kind: Exclude<SymptomKind, 'alarm' | 'state'>;
  readonly tick: number;
  readonly station: string | null;
  readonly detail: string;
  /** sensor: above its band, below it, or no signal. */
  readonly side?: SensorSide;
}

/**
 * How long after a fault began its symptoms are looked for: at least the first hour, and up to
 * the moment the student found it (a slow fault, such as a lubrication failure, shows on its
 * trend only after an hour; a student who found it after two must see what showed before). Never
 * beyond SEEN_LONGEST: later symptoms are no longer "could have seen" but "could not miss", and
 * looking costs an observation every ten simulated seconds while a fault is followed (the 30-day
 * reference run: 8 s looked at to its end, 0.2 s for an hour; measured here).
 */
const SEEN_WINDOW_TICKS = 3600 * TICKS_PER_SECOND;
const SEEN_LONGEST_TICKS = 8 * 3600 * TICKS_PER_SECOND;

function seenWindow(assessment: Assessment, endTick: number): number {
  let until = SEEN_WINDOW_TICKS;
  for (const f of assessment.faults) {
    const onset = Math.round(f.onsetSeconds * TICKS_PER_SECOND);
    // Until the student found the fault (declared it, or else fixed it): a look that found
    // nothing, such as a lubrication check while the level was still in its band, does not end
    // what there was to see. A fault nobody found: as far as the run went.
    const found = f.diagnoseSeconds ?? f.restoreSeconds;
    const acted = found === null ? endTick - onset : Math.round(found * TICKS_PER_SECOND);
    until = Math.max(until, Math.min(SEEN_LONGEST_TICKS, acted));
  }
  return until;
}

/** Alarms and stops are in the run's markers already, with their words: the rest from findSymptoms. */
function seenOfFaults(model: LineModel, session: SessionFile, assessment: Assessment): SeenSymptom[] {
  const sensorKind = new Map(model.sensors.map((x) => [x.id, x.kind as string]));
  const onsets = assessment.faults.map((f) => f.onsetSeconds * TICKS_PER_SECOND);
  // The line's own counters (output, scrap) cannot tell two faults apart: a change is told under
  // the fault that began last before it. The rush order's slow lubrication fault listed "output
  // down" at 00:10, two minutes after the conveyor jam had stopped the line.
  const laterFault = (fault: string, tick: number) => {
    const own = assessment.faults.find((f) => f.id === fault);
    return own !== undefined && onsets.some((o) => o > own.onsetSeconds * TICKS_PER_SECOND && o <= tick);
  };
  return findSymptoms(model, session.seed, session.commands, seenWindow(assessment, session.endTick), session.endTick).flatMap((f) =>
    f.seen.flatMap((x): SeenSymptom[] =>
      x.kind === 'alarm' || x.kind === 'state' || ((x.kind === 'output' || x.kind === 'scrap') && laterFault(f.fault, x.tick))
        ? []
        : [{ fault: f.fault, kind: x.kind, tick: x.tick, station: x.station, detail: x.kind === 'sensor' || x.kind === 'trend' ? (sensorKind.get(x.detail) ?? x.detail) : x.detail, ...(x.side ? { side: x.side } : {}) }],
    ),
  );
}

export type AnalysisResult =
  | { readonly kind: 'verify'; readonly report: VerifyReport }
  | { readonly kind: 'score'; readonly assessment: Assessment }
  | { readonly kind: 'debrief'; readonly debrief: DebriefAnalysis }
  | { readonly kind: 'compare'; readonly sides: readonly [CompareSide, CompareSide] }
  | { readonly kind: 'backup'; readonly load: BackupLoad }
  | { readonly kind: 'prove'; readonly proof: DrillProof };

export type ResultOf<K extends AnalysisJob['kind']> = Extract<AnalysisResult, { kind: K }>;

/** Run a job to the end, telling `progress` how far it is. Throws with a sentence when a session's scenario does not load. */
export function runAnalysis(job: AnalysisJob, progress?: Progress): AnalysisResult {
  switch (job.kind) {
    case 'verify':
      return { kind: 'verify', report: verifySession(job.session, progress) };
    case 'score':
      return { kind: 'score', assessment: scoreSession(job.session, progress) };
    case 'debrief': {
      const r = loadScenarioJson(job.session.scenario);
      if (!r.ok) throw new Error('the scenario of this run does not load');
      const index = buildReplayIndex(r.model, job.session, progress === undefined ? { keyframes: false } : { keyframes: false, progress });
      return { kind: 'debrief', debrief: { assessment: index.assessment, markers: index.markers, kpis: index.kpis, seen: seenOfFaults(r.model, job.session, index.assessment) } };
    }
    case 'compare': {
      const [a, b] = job.sessions;
      if (a.scenario.id !== b.scenario.id) throw new Error('only sessions of the same scenario can be compared');
      // Each side's share of the work follows its length.
      const share = a.endTick + b.endTick > 0 ? a.endTick / (a.endTick + b.endTick) : 0.5;
      const left = compareSide(a, job.statuses?.[0], part(progress, 0, share));
      const right = compareSide(b, job.statuses?.[1], part(progress, share, 1));
      if (left === null || right === null) throw new Error('a session to compare does not load');
      return { kind: 'compare', sides: [left, right] };
    }
    case 'backup':
      return { kind: 'backup', load: loadBackupText(job.text) };
    case 'prove': {
      const r = loadScenarioJson(job.scenario);
      if (!r.ok) throw new Error(`the scenario has errors to fix first:\n${describeErrors(r.errors)}`);
      return { kind: 'prove', proof: proveDrill(r.scenario, r.model, progress === undefined ? {} : { onProgress: progress }) };
    }
  }
}
