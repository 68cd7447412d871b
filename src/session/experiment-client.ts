/**
 * An experiment's replications in a pool of Web Workers (one per core but one, at most four),
 * so the page stays responsive; Cancel ends every worker at once. Where there are no workers
 * (tests in Node), the jobs run in-process.
 */
import { type ReplicationJob, type ReplicationOutcome, runJob } from '../experiment/pool';

export interface PoolRun {
  readonly done: Promise<ReplicationOutcome[] | null>;
  cancel(): void;
}

const MAX_WORKERS = 4;

export function runReplications(jobs: readonly ReplicationJob[], onProgress: (done: number, of: number) => void): PoolRun {
  if (typeof Worker !== 'function') {
    let cancelled = false;
    const done = Promise.resolve().then(() => {
      const out: ReplicationOutcome[] = [];
      for (const j of jobs) {
        if (cancelled) return null;
        out.push(runJob(j));
        onProgress(out.length, jobs.length);
      }
      return out;
    });
    return { done, cancel: () => (cancelled = true) };
  }
  const cores = typeof navigator === 'object' && navigator.hardwareConcurrency > 1 ? navigator.hardwareConcurrency - 1 : 1;
  const size = Math.max(1, Math.min(MAX_WORKERS, cores, jobs.length));
  const workers: Worker[] = [];
  const results: ReplicationOutcome[] = new Array(jobs.length);
  let next = 0;
  let finished = 0;
  let settle: (r: ReplicationOutcome[] | null) => void = () => undefined;
  const done = new Promise<ReplicationOutcome[] | null>((resolve) => {
    settle = resolve;
  });
  const stop = (r: ReplicationOutcome[] | null) => {
    for (const w of workers) w.terminate();
    settle(r);
  };
  for (let k = 0; k < size; k++) {
    const w = new Worker(new URL('./experiment.worker.ts', import.meta.url), { type: 'module' });
    workers.push(w);
    const feed = () => {
      if (next < jobs.length) w.postMessage(jobs[next++]);
    };
    w.onmessage = (e: MessageEvent<ReplicationOutcome>) => {
      results[e.data.id] = e.data;
      finished++;
      onProgress(finished, jobs.length);
      if (finished === jobs.length) stop(results);
      else feed();
    };
    w.onerror = (e) => stop(jobs.map((j) => ({ id: j.id, ok: false, message: e.message || 'the experiment stopped with an error' })));
    feed();
  }
  if (jobs.length === 0) stop([]);
  return { done, cancel: () => stop(null) };
}
