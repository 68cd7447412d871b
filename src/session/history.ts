/**
 * Recent sensor readings and part measurements, kept by the store for trends and SPC charts.
 * It is view data sampled from observations, not simulation state, and is bounded. (In the
 * session layer: the engine service rebuilds it for a resumed run.)
 */
import { apply, type Command, type Observation, observe, type State } from '../engine';
import { advanceRecording, type Checkpoint } from './record';

export const HISTORY_POINTS = 1800;

export interface Series {
  readonly ticks: number[];
  readonly values: (number | null)[];
}

export interface History {
  /** Sensor id → sampled readings. */
  readonly sensors: Map<string, Series>;
  /** Station id → one measured dimension per part, in order. */
  readonly parts: Map<string, Series>;
  readonly lastPartTick: Map<string, number>;
  /** Line KPIs over time, for the debrief charts. */
  readonly kpis: { ticks: number[]; oee: number[]; throughput: number[] };
}

export function createHistory(): History {
  return { sensors: new Map(), parts: new Map(), lastPartTick: new Map(), kpis: { ticks: [], oee: [], throughput: [] } };
}

function push(series: Series, tick: number, value: number | null): void {
  series.ticks.push(tick);
  series.values.push(value);
  if (series.ticks.length > HISTORY_POINTS) {
    series.ticks.shift();
    series.values.shift();
  }
}

function seriesOf(map: Map<string, Series>, key: string): Series {
  let s = map.get(key);
  if (s === undefined) {
    s = { ticks: [], values: [] };
    map.set(key, s);
  }
  return s;
}

/** Sample the observation; returns whether anything new was recorded. */
export function recordHistory(h: History, o: Observation): boolean {
  let grew = false;
  for (const st of o.stations) {
    for (const sensor of st.sensors) {
      const series = seriesOf(h.sensors, sensor.id);
      if (series.ticks.at(-1) === o.tick) continue;
      push(series, o.tick, sensor.value);
      grew = true;
    }
  }
  // One point per measured part, however fast time runs (the engine keeps the recent ones).
  for (const st of o.stations) {
    const seen = h.lastPartTick.get(st.id) ?? -1;
    for (const [tick, value] of st.measured) {
      if (tick <= seen) continue;
      push(seriesOf(h.parts, st.id), tick, value);
      h.lastPartTick.set(st.id, tick);
      grew = true;
    }
  }
  const k = h.kpis;
  if (k.ticks.length === 0 || o.tick - k.ticks.at(-1)! >= 600) {
    k.ticks.push(o.tick);
    k.oee.push(o.kpis.line.oee.oee);
    k.throughput.push(o.kpis.line.throughputPerHour);
    if (k.ticks.length > HISTORY_POINTS) {
      k.ticks.shift();
      k.oee.shift();
      k.throughput.shift();
    }
  }
  return grew;
}

/** Trend samples of a rebuilt run are this far apart at least (10 s), further on a long run. */
const REBUILT_SAMPLE_TICKS = 100;

/**
 * Carry `s` forward to `endTick`, applying `commands` from index `k` on at their ticks (those
 * stamped at or before `endTick`), and sample the trends into `h` on the way: from where `s` is,
 * every 10 s or further apart so that at most HISTORY_POINTS fit. `to` advances the state (a
 * rebuilt live run takes its checkpoints on the way). Stopping to look changes nothing in the
 * run: advancing in pieces is advancing. Returns the index of the first command not applied.
 */
export function sampleForward(s: State, commands: readonly Command[], k: number, endTick: number, h: History, to: (tick: number) => void): number {
  const every = Math.max(REBUILT_SAMPLE_TICKS, Math.ceil((endTick - s.tick) / HISTORY_POINTS));
  let next = s.tick;
  let i = k;
  for (;;) {
    const c = commands[i];
    const due = c !== undefined && c.tick <= endTick ? Math.max(s.tick, c.tick) : Number.POSITIVE_INFINITY;
    if (next > endTick && due === Number.POSITIVE_INFINITY) break;
    if (due <= next) {
      to(due);
      apply(s, c!);
      i += 1;
      continue;
    }
    to(next);
    recordHistory(h, observe(s, 0));
    next += every;
  }
  to(endTick);
  return i;
}

/**
 * Replay a command log into `s` (a fresh state) up to `endTick`, as replayInto does (the same
 * commands at the same ticks, the same checkpoints), with the trends sampled on the way. A run
 * resumed after a reload was rebuilt in one pass, so its charts had the point at 00:00 and the
 * one at the resume only: a spindle running warm for half an hour and then overheating drew one
 * straight rise across 43 minutes.
 */
export function replayWithHistory(
  s: State,
  commands: readonly Command[],
  endTick: number,
  checkpoints: Checkpoint[],
  onTick?: (tick: number) => void,
): History {
  const h = createHistory();
  sampleForward(s, commands, 0, endTick, h, (tick) => advanceRecording(s, tick, checkpoints, onTick));
  return h;
}
