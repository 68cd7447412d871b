/// <reference lib="webworker" />
/**
 * One analysis job per worker: the page terminates the worker to cancel, which stops the
 * re-simulation at once wherever it is.
 */
import { throttled } from '../assessment';
import { type AnalysisJob, runAnalysis } from './analysis';
import type { FromAnalysis } from './analysis-client';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromAnalysis) => scope.postMessage(m);
scope.onmessage = (e: MessageEvent<AnalysisJob>) => {
  try {
    const result = runAnalysis(
      e.data,
      throttled((fraction) => post({ type: 'progress', fraction })),
    );
    post({ type: 'result', result });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
