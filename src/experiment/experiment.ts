/**
 * Experiments on a line (issue 13): N replications of a scenario's line with different seeds,
 * the line's figures (throughput, WIP, lead time, OEE) and each station's state fractions with
 * 95 % confidence intervals; and a sweep of one parameter over a range. Each replication is an
 * independent, deterministic run, so they can run in any order in a pool of workers and the
 * summary is the same.
 */
import { advance, createState, kpis, type LineModel } from '../engine';
import { loadScenarioJson, type ScenarioError } from '../scenario';
import { type Estimate, estimate } from './stats';

/** Which of the scenario's faults an experiment keeps: none, the random failures (a line's reliability), or all (the drill's scheduled faults too). */
export type FaultsOption = 'none' | 'random' | 'all';

export interface Replication {
  readonly seed: number;
  readonly throughputPerHour: number;
  readonly wipAverage: number;
  readonly leadTimeSeconds: number;
  readonly oee: number;
  readonly constraint: string;
  readonly stations: readonly { readonly id: string; readonly fractions: Readonly<Record<string, number>> }[];
}

export const FIGURES = ['throughputPerHour', 'wipAverage', 'leadTimeSeconds', 'oee'] as const;
export type Figure = (typeof FIGURES)[number];

export interface Summary {
  readonly n: number;
  readonly figures: Readonly<Record<Figure, Estimate>>;
  /** Per station, per state (Execute, Starved, Blocked, Held, ...): the share of time, with its interval. */
  readonly stations: readonly { readonly id: string; readonly fractions: Readonly<Record<string, Estimate>> }[];
  /** The bottleneck most replications named, and in how many. */
  readonly constraint: { readonly id: string; readonly count: number };
}

/** The seed of replication k: the scenario's seed, then spread by a fixed odd step (2^32 wraps). */
export function seedOf(base: number, k: number): number {
  return (base + Math.imul(k, 0x9e3779b1)) >>> 0;
}

type Raw = { [key: string]: unknown };

function isRandomTrigger(f: unknown): boolean {
  const t = (f as { trigger?: unknown }).trigger;
  return t !== null && typeof t === 'object' && ('mtbf' in t || 'random' in t);
}

/** The scenario as an experiment runs it: the faults asked for, no objectives (nothing is judged). */
export function experimentScenario(raw: Raw, faults: FaultsOption): Raw {
  const { objectives: _objectives, ...rest } = raw;
  const list = Array.isArray(raw.faults) ? raw.faults : [];
  const kept = faults === 'all' ? list : faults === 'random' ? list.filter(isRandomTrigger) : [];
  const out: Raw = { ...rest };
  if (kept.length > 0) out.faults = kept;
  else delete out.faults;
  return out;
}

export type Prepared = { readonly ok: true; readonly model: LineModel; readonly seed: number } | { readonly ok: false; readonly errors: readonly ScenarioError[] };

export function prepare(raw: Raw, faults: FaultsOption): Prepared {
  const r = loadScenarioJson(experimentScenario(raw, faults));
  return r.ok ? { ok: true, model: r.model, seed: r.scenario.seed } : { ok: false, errors: r.errors };
}

/** One replication: the whole run, its figures over the measured window (after the warm-up). */
export function replicate(model: LineModel, seed: number): Replication {
  const s = createState(model, seed);
  advance(s, model.durationTicks);
  const k = kpis(s);
  return {
    seed,
    throughputPerHour: k.line.throughputPerHour,
    wipAverage: k.line.wipAverage,
    leadTimeSeconds: k.line.leadTimeAverageSeconds,
    oee: k.line.oee.oee,
    constraint: k.line.constraint,
    stations: k.stations.map((st) => ({ id: st.id, fractions: st.stateFractions })),
  };
}

export function summarize(reps: readonly Replication[]): Summary {
  const figures = Object.fromEntries(FIGURES.map((f) => [f, estimate(reps.map((r) => r[f]))])) as Record<Figure, Estimate>;
  const ids = reps[0]?.stations.map((s) => s.id) ?? [];
  const stations = ids.map((id, i) => {
    const states = new Set(reps.flatMap((r) => Object.keys(r.stations[i]?.fractions ?? {})));
    const fractions: Record<string, Estimate> = {};
    for (const st of states) fractions[st] = estimate(reps.map((r) => r.stations[i]?.fractions[st] ?? 0));
    return { id, fractions };
  });
  const votes = new Map<string, number>();
  for (const r of reps) votes.set(r.constraint, (votes.get(r.constraint) ?? 0) + 1);
  let constraint = { id: '', count: 0 };
  for (const [id, count] of votes) if (count > constraint.count || (count === constraint.count && id < constraint.id)) constraint = { id, count };
  return { n: reps.length, figures, stations, constraint };
}
