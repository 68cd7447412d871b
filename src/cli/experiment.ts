/**
 * `npm run sim -- FILE --replications 10 [--sweep path=from:to:step] [--faults none|random|all]
 * [--json]`: the replications in a pool of worker threads (one per core but one), the figures
 * with 95 % confidence intervals, and at each sweep point the bottleneck.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type FaultsOption, FIGURES, type Replication, seedOf, type Summary, summarize } from '../experiment/experiment';
import type { ReplicationJob, ReplicationOutcome } from '../experiment/pool';
import { type SweepSpec, sweepValues, withParameter } from '../experiment/sweep';

export interface ExperimentRequest {
  readonly scenario: { [key: string]: unknown };
  readonly seed: number;
  readonly replications: number;
  readonly faults: FaultsOption;
  readonly sweep: SweepSpec | null;
  readonly durationTicks?: number;
  readonly warmupTicks?: number;
}

export interface ExperimentReport {
  readonly replications: number;
  readonly faults: FaultsOption;
  readonly summary?: Summary;
  readonly sweep?: { readonly path: string; readonly points: readonly { readonly value: number; readonly summary: Summary }[] };
}

/**
 * A worker thread on experiment-worker. Run from source (tsx), the thread registers tsx's loader
 * first: on Node 20 a worker does not inherit the loader hooks of its parent.
 */
function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./experiment-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(url);
  return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true });
}

/** Runs jobs over worker threads; resolves in job order. Stops every worker at the end. */
async function runPool(jobs: readonly ReplicationJob[], onDone: (n: number) => void): Promise<ReplicationOutcome[]> {
  const size = Math.max(1, Math.min(jobs.length, availableParallelism() - 1 || 1));
  const results: ReplicationOutcome[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: size }, () => startWorker());
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= jobs.length) return resolve();
              w.postMessage(jobs[next++]);
            };
            w.on('message', (r: ReplicationOutcome) => {
              results[r.id] = r;
              onDone(++done);
              feed();
            });
            w.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

export class ExperimentInputError extends Error {}

export async function runExperiment(req: ExperimentRequest, onProgress: (done: number, of: number) => void): Promise<ExperimentReport> {
  const values = req.sweep === null ? [null] : sweepValues(req.sweep);
  const jobs: ReplicationJob[] = [];
  for (const value of values) {
    const scenario = value === null || req.sweep === null ? req.scenario : withParameter(req.scenario, req.sweep.path, value);
    if ('error' in scenario) throw new ExperimentInputError(String(scenario.error));
    for (let k = 0; k < req.replications; k++) {
      jobs.push({ id: jobs.length, scenario, faults: req.faults, seed: seedOf(req.seed, k), ...(req.durationTicks === undefined ? {} : { durationTicks: req.durationTicks }), ...(req.warmupTicks === undefined ? {} : { warmupTicks: req.warmupTicks }) });
    }
  }
  const outcomes = await runPool(jobs, (n) => onProgress(n, jobs.length));
  const failed = outcomes.find((o) => !o.ok);
  if (failed !== undefined && !failed.ok) throw new ExperimentInputError(`the scenario does not load${req.sweep ? ` at ${req.sweep.path} = ${values[Math.floor(failed.id / req.replications)]}` : ''}:\n${failed.message}`);
  const reps = outcomes.map((o) => (o as { replication: Replication }).replication);
  if (req.sweep === null) return { replications: req.replications, faults: req.faults, summary: summarize(reps) };
  return {
    replications: req.replications,
    faults: req.faults,
    sweep: { path: req.sweep.path, points: values.map((v, i) => ({ value: v as number, summary: summarize(reps.slice(i * req.replications, (i + 1) * req.replications)) })) },
  };
}

const LABEL: Record<(typeof FIGURES)[number], string> = { throughputPerHour: 'throughput (parts/h)', wipAverage: 'WIP (parts)', leadTimeSeconds: 'lead time (s)', oee: 'OEE' };

function pm(e: { mean: number; half: number }, digits: number): string {
  return `${e.mean.toFixed(digits)} ± ${e.half.toFixed(digits)}`;
}

export function formatExperiment(r: ExperimentReport): string {
  const lines: string[] = [`${r.replications} replications, faults: ${r.faults}; 95 % confidence intervals`];
  if (r.summary) {
    for (const f of FIGURES) lines.push(`  ${LABEL[f].padEnd(22)} ${pm(r.summary.figures[f], f === 'oee' ? 3 : 2)}`);
    lines.push(`  bottleneck             ${r.summary.constraint.id} (${r.summary.constraint.count} of ${r.summary.n})`);
    lines.push('  station states (share of time):');
    for (const st of r.summary.stations) {
      const parts = Object.entries(st.fractions)
        .filter(([, e]) => e.mean >= 0.005)
        .map(([k, e]) => `${k} ${pm(e, 3)}`);
      lines.push(`    ${st.id.padEnd(8)} ${parts.join(', ')}`);
    }
  }
  if (r.sweep) {
    lines.push(`sweep of ${r.sweep.path}:`);
    lines.push(`  ${'value'.padStart(8)}  ${FIGURES.map((f) => LABEL[f].padEnd(22)).join(' ')} bottleneck`);
    for (const p of r.sweep.points) lines.push(`  ${String(p.value).padStart(8)}  ${FIGURES.map((f) => pm(p.summary.figures[f], f === 'oee' ? 3 : 2).padEnd(22)).join(' ')} ${p.summary.constraint.id}`);
  }
  return lines.join('\n');
}
