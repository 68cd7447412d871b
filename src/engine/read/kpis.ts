/**
 * KPIs over the measurement window (after warm-up), per ISO 22400-2 and common practice
 * (DOMAIN §2). All time is planned production time; down time is time outside Execute and
 * Suspended (starved/blocked time is a performance loss, not an availability loss).
 */
import { mean } from '../core/distributions';
import { isProcess, type LineModel } from '../core/model';
import { Pack, packName } from '../core/packml';
import { emptyCounters, type LineCounters, type State, type StationCounters } from '../core/state';
import { TICKS_PER_SECOND } from '../core/time';

export interface Oee {
  readonly availability: number;
  readonly performance: number;
  readonly quality: number;
  readonly oee: number;
}

export interface StationKpis {
  readonly id: string;
  readonly type: string;
  /** Fraction of the window in each PackML state, by state name (only states that occurred). */
  readonly stateFractions: Readonly<Record<string, number>>;
  /** Only for stations that process parts (machine, assembly, inspection); null for the rest. */
  readonly oee: Oee | null;
  readonly processed: number;
  readonly good: number;
  readonly scrap: number;
  readonly rework: number;
  readonly failures: number;
  /** Operating time / failures (DOMAIN §2); null without failures. */
  readonly mtbfSeconds: number | null;
  /** Time to restore / restored failures; null without any. */
  readonly mttrSeconds: number | null;
  /** Time-average number of waiting parts (buffers and conveyors). */
  readonly levelAverage: number | null;
}

export interface LineKpis {
  readonly windowSeconds: number;
  readonly released: number;
  readonly goodParts: number;
  readonly scrapParts: number;
  readonly throughputPerHour: number;
  readonly wipAverage: number;
  readonly wip: number;
  readonly leadTimeAverageSeconds: number;
  readonly oee: Oee;
  /** The station whose nameplate cycle sets the line's ideal rate. */
  readonly constraint: string;
}

export interface Kpis {
  readonly line: LineKpis;
  readonly stations: readonly StationKpis[];
}

const EMPTY: StationCounters = emptyCounters();

function ratio(a: number, b: number, ifZero: number): number {
  return b > 0 ? a / b : ifZero;
}

/** Counters now, with the running integrals brought up to the current tick. */
function currentCounters(s: State, i: number): StationCounters {
  const st = s.stations[i]!;
  const t = s.tick;
  const stateTicks = st.c.stateTicks.slice();
  stateTicks[st.pack] = (stateTicks[st.pack] ?? 0) + (t - st.packSince);
  return {
    ...st.c,
    stateTicks,
    busyTicks: st.c.busyTicks + (st.busySince >= 0 ? t - st.busySince : 0),
    levelTicks: st.c.levelTicks + st.queue.length * (t - st.levelSince),
  };
}

function minus(a: StationCounters, b: StationCounters): StationCounters {
  return {
    stateTicks: a.stateTicks.map((v, k) => v - (b.stateTicks[k] ?? 0)),
    processed: a.processed - b.processed,
    good: a.good - b.good,
    scrap: a.scrap - b.scrap,
    rework: a.rework - b.rework,
    failures: a.failures - b.failures,
    repairTicks: a.repairTicks - b.repairTicks,
    busyTicks: a.busyTicks - b.busyTicks,
    levelTicks: a.levelTicks - b.levelTicks,
  };
}

function runTicks(c: StationCounters): number {
  return (c.stateTicks[Pack.Execute] ?? 0) + (c.stateTicks[Pack.Suspended] ?? 0);
}

/** The process stations doing the same step in parallel with station i (itself included). */
function stageOf(model: LineModel, i: number): number[] {
  const a = model.stations[i]!;
  const same = (x: readonly number[], y: readonly number[]) => x.length === y.length && x.every((v, k) => v === y[k]);
  return model.stations.filter((b) => b.type === a.type && same(b.inputs, a.inputs) && same(b.outputs, a.outputs)).map((b) => b.index);
}

/** A station's stage: its ideal (nameplate) cycle, and its expected (mean) cycle, each 1 / Σ(1 / cycle) over its parallel machines. */
interface StageCycles {
  readonly ideal: number;
  readonly expected: number;
}

const stageCache = new WeakMap<LineModel, StageCycles[]>();

/** Per station, its stage's cycles (none for a station that does not process parts). */
function parallelGroups(model: LineModel): StageCycles[] {
  let out = stageCache.get(model);
  if (out === undefined) {
    out = model.stations.map((spec) => {
      if (!isProcess(spec) || spec.idealCycleTicks <= 0) return { ideal: 0, expected: 0 };
      let ideal = 0;
      let expected = 0;
      for (const j of stageOf(model, spec.index)) {
        const other = model.stations[j]!;
        if (!isProcess(other) || other.idealCycleTicks <= 0) continue;
        ideal += 1 / other.idealCycleTicks;
        expected += 1 / Math.max(other.idealCycleTicks, mean(other.processTime) * TICKS_PER_SECOND);
      }
      return { ideal: ideal > 0 ? 1 / ideal : 0, expected: expected > 0 ? 1 / expected : 0 };
    });
    stageCache.set(model, out);
  }
  return out;
}

export function kpis(s: State): Kpis {
  const base = s.baseline;
  const from = base?.tick ?? 0;
  const window = Math.max(0, s.tick - from);
  const stations: StationKpis[] = [];
  // The constraint is the stage that takes longest on average: it limits the line. Its nameplate
  // (ideal) cycle measures the line's performance. Picked by nameplate, the tutorial's lathe
  // (42 s, normal) beat its mill (40 s at best, 47 s on average), which is what holds the line.
  let constraint = -1;
  let constraintExpected = 0;
  let constraintCycle = 0;
  const groups = parallelGroups(s.model);
  for (let i = 0; i < s.stations.length; i++) {
    const spec = s.model.stations[i]!;
    const c = minus(currentCounters(s, i), base?.stations[i] ?? EMPTY);
    const run = runTicks(c);
    const ideal = isProcess(spec) ? spec.idealCycleTicks : 0;
    // Parallel machines share the work: their stage's cycle is 1 / Σ(1 / cycle).
    const stage = groups[i]!;
    if ((spec.type === 'machine' || spec.type === 'assembly') && stage.expected > constraintExpected) {
      constraintExpected = stage.expected;
      constraintCycle = stage.ideal;
      constraint = i;
    }
    const total = spec.type === 'inspection' ? c.good + c.scrap + c.rework : c.processed;
    const availability = ratio(run, window, 1);
    const performance = ideal > 0 ? ratio(ideal * c.processed, run, 0) : 1;
    const quality = ratio(c.good, total, 1);
    const fractions: Record<string, number> = {};
    c.stateTicks.forEach((ticks, code) => {
      if (ticks > 0) fractions[packName(code)] = ratio(ticks, window, 0);
    });
    const operating = c.busyTicks;
    stations.push({
      id: spec.id,
      type: spec.type,
      stateFractions: fractions,
      oee: isProcess(spec) ? { availability, performance, quality, oee: availability * performance * quality } : null,
      processed: c.processed,
      good: c.good,
      scrap: c.scrap,
      rework: c.rework,
      failures: c.failures,
      mtbfSeconds: c.failures > 0 ? operating / c.failures / TICKS_PER_SECOND : null,
      mttrSeconds: c.failures > 0 ? c.repairTicks / c.failures / TICKS_PER_SECOND : null,
      levelAverage: spec.type === 'buffer' || spec.type === 'conveyor' ? ratio(c.levelTicks, window, 0) : null,
    });
  }
  const l = s.line;
  const wipNow = l.released - l.exited - l.consumed;
  const lineNow: LineCounters = { ...l, wipTicks: l.wipTicks + wipNow * (s.tick - l.wipSince) };
  const lb = base?.line;
  const good = lineNow.good - (lb?.good ?? 0);
  const scrap = lineNow.scrap - (lb?.scrap ?? 0);
  const exited = lineNow.exited - (lb?.exited ?? 0);
  const lead = lineNow.leadTicksSum - (lb?.leadTicksSum ?? 0);
  const wipTicks = lineNow.wipTicks - (lb?.wipTicks ?? 0);
  const hours = window / TICKS_PER_SECOND / 3600;
  // Line OEE: availability of the constraint, performance of the line's output against the
  // constraint's nameplate, quality at the line's exit; the product is good × ideal / planned.
  const cst = constraint >= 0 ? stations[constraint]! : null;
  // A parallel stage is available as much as its machines are on average.
  const stage = constraint >= 0 ? stageOf(s.model, constraint) : [];
  const availability = stage.length > 0 ? stage.reduce((a, j) => a + (stations[j]!.oee?.availability ?? 1), 0) / stage.length : (cst?.oee?.availability ?? 1);
  const cRun = availability * window;
  const performance = constraintCycle > 0 ? ratio(constraintCycle * (good + scrap), cRun, 0) : 1;
  const quality = ratio(good, good + scrap, 1);
  return {
    line: {
      windowSeconds: window / TICKS_PER_SECOND,
      released: lineNow.released - (lb?.released ?? 0),
      goodParts: good,
      scrapParts: scrap,
      throughputPerHour: hours > 0 ? good / hours : 0,
      wipAverage: ratio(wipTicks, window, 0),
      wip: wipNow,
      leadTimeAverageSeconds: ratio(lead, exited, 0) / TICKS_PER_SECOND,
      oee: { availability, performance, quality, oee: availability * performance * quality },
      constraint: cst?.id ?? '',
    },
    stations,
  };
}
