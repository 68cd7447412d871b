/**
 * Running analysis jobs from the page: in a worker of their own where the platform has
 * workers (the page keeps drawing, shows the progress and can cancel), in-process otherwise.
 */
import type { Progress } from '../assessment';
import { type AnalysisJob, type AnalysisResult, type ResultOf, runAnalysis } from './analysis';

export type FromAnalysis =
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'result'; readonly result: AnalysisResult }
  | { readonly type: 'error'; readonly message: string };

/** How a job ended: its result, or why not (cancelled by the user, or failed with a sentence). */
export type AnalysisOutcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly cancelled: boolean; readonly message: string };

export interface AnalysisRun<R> {
  readonly done: Promise<AnalysisOutcome<R>>;
  /** Stop the job; `done` then says it was cancelled. Does nothing once it has ended. */
  cancel(): void;
}

export type Analyser = <J extends AnalysisJob>(job: J, onProgress?: Progress) => AnalysisRun<ResultOf<J['kind']>>;

const CANCELLED = { ok: false, cancelled: true, message: 'cancelled' } as const;

/** In-process: the job runs in a microtask, so a cancel in the same turn still stops it. */
export const analyseInProcess: Analyser = <J extends AnalysisJob>(job: J, onProgress?: Progress) => {
  let cancelled = false;
  const done = Promise.resolve().then((): AnalysisOutcome<ResultOf<J['kind']>> => {
    if (cancelled) return CANCELLED;
    try {
      return { ok: true, value: runAnalysis(job, onProgress) as ResultOf<J['kind']> };
    } catch (e) {
      return { ok: false, cancelled: false, message: e instanceof Error ? e.message : String(e) };
    }
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
    },
  };
};

/** In a worker of its own, ended when the job ends or is cancelled. */
export const analyseInWorker: Analyser = <J extends AnalysisJob>(job: J, onProgress?: Progress) => {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  let settle: (o: AnalysisOutcome<ResultOf<J['kind']>>) => void = () => undefined;
  let ended = false;
  const end = (o: AnalysisOutcome<ResultOf<J['kind']>>) => {
    if (ended) return;
    ended = true;
    worker.terminate();
    settle(o);
  };
  const done = new Promise<AnalysisOutcome<ResultOf<J['kind']>>>((resolve) => {
    settle = resolve;
  });
  worker.onmessage = (e: MessageEvent<FromAnalysis>) => {
    const m = e.data;
    if (m.type === 'progress') {
      if (!ended) onProgress?.(m.fraction);
    } else if (m.type === 'result') end({ ok: true, value: m.result as ResultOf<J['kind']> });
    else end({ ok: false, cancelled: false, message: m.message });
  };
  worker.onerror = (e) => end({ ok: false, cancelled: false, message: e.message || 'the analysis stopped with an error' });
  worker.postMessage(job);
  return { done, cancel: () => end(CANCELLED) };
};

export const defaultAnalyser: Analyser = typeof Worker === 'function' ? analyseInWorker : analyseInProcess;
