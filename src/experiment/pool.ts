/**
 * The replications of an experiment or a sweep as jobs, run by whatever pool the platform has
 * (worker threads in Node, Web Workers in the browser) and put back together in order.
 */
import { describeErrors } from '../scenario';
import { type FaultsOption, prepare, type Replication, replicate } from './experiment';

export interface ReplicationJob {
  readonly id: number;
  /** The scenario as the experiment runs it (a sweep point's value already set). */
  readonly scenario: { [key: string]: unknown };
  readonly faults: FaultsOption;
  readonly seed: number;
  /** Overrides of the scenario's run length, in ticks (the CLI's --duration and --warmup). */
  readonly durationTicks?: number;
  readonly warmupTicks?: number;
}

export type ReplicationOutcome = { readonly id: number; readonly ok: true; readonly replication: Replication } | { readonly id: number; readonly ok: false; readonly message: string };

/** Run one job (inside a worker, or in-process). */
export function runJob(job: ReplicationJob): ReplicationOutcome {
  const p = prepare(job.scenario, job.faults);
  if (!p.ok) return { id: job.id, ok: false, message: describeErrors(p.errors) };
  const model = { ...p.model, ...(job.durationTicks === undefined ? {} : { durationTicks: job.durationTicks }), ...(job.warmupTicks === undefined ? {} : { warmupTicks: job.warmupTicks }) };
  return { id: job.id, ok: true, replication: replicate(model, job.seed) };
}
