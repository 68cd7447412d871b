/**
 * Long work the store starts and the page may cancel: opening a replay and resuming a run (in
 * the engine's worker), and analysing a finished run for its debrief or two runs for a
 * comparison (in an analysis worker). While one runs, `job` says what and how far it is; the
 * panels show a bar with Cancel, which always leads back to the library with nothing lost.
 */
import type { Progress } from '../assessment';
import type { Analyser, AnalysisRun } from '../session/analysis-client';
import type { AnalysisJob, ResultOf } from '../session/analysis';
import type { SessionFile } from '../session/session-file';
import type { Job, SimStore } from './store-types';

type Set = (partial: Partial<SimStore> | ((s: SimStore) => Partial<SimStore>)) => void;

export interface JobDeps {
  readonly analyser: Analyser;
  /** Drop the engine's work in progress (and its state): the worker is started anew. */
  readonly restartEngine: () => void;
}

export function jobs(set: Set, get: () => SimStore, deps: JobDeps): Pick<SimStore, 'compare' | 'cancelJob' | 'startDebrief' | 'setJobProgress'> {
  let current: AnalysisRun<unknown> | null = null;
  /** Run an analysis job as the store's current job; `onDone` gets its result unless it was cancelled or superseded. */
  const run = <J extends AnalysisJob>(what: Job['what'], job: J, onDone: (result: ResultOf<J['kind']>) => void) => {
    current?.cancel();
    set({ job: { what, fraction: 0 } });
    const progress: Progress = (fraction) => get().setJobProgress(what, fraction);
    const r = deps.analyser(job, progress);
    current = r;
    void r.done.then((o) => {
      if (current !== r) return;
      current = null;
      if (o.ok) {
        set({ job: null });
        onDone(o.value);
      } else if (!o.cancelled) set({ job: null, phase: 'library', error: o.message });
    });
  };
  return {
    setJobProgress(what, fraction) {
      const j = get().job;
      if (j !== null && j.what === what && fraction > j.fraction) set({ job: { what, fraction } });
    },
    startDebrief(session: SessionFile) {
      set({ debrief: null });
      run('debrief', { kind: 'debrief', session }, (r) => set({ debrief: r.debrief }));
    },
    compare(a, b, statuses) {
      if (a.scenario.id !== b.scenario.id) {
        set({ error: 'only sessions of the same scenario can be compared' });
        return false;
      }
      get().pause();
      set({ phase: 'compare', comparison: null, error: null, replay: null });
      run('compare', statuses === undefined ? { kind: 'compare', sessions: [a, b] } : { kind: 'compare', sessions: [a, b], statuses }, (r) => set({ comparison: r.sides }));
      return true;
    },
    cancelJob() {
      const j = get().job;
      if (j === null) return;
      if (j.what === 'replay' || j.what === 'resume') {
        get().pause();
        deps.restartEngine();
      } else {
        current?.cancel();
        current = null;
      }
      set({ job: null, phase: 'library', replay: null, truth: null, comparison: null });
    },
  };
}
