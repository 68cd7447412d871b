/**
 * What a student could notice of each fault, and when: a run stepped through and looked at with
 * the student's eyes (`observe`, never the truth), against a fault-free twin of the same seed
 * for the line's counters. The drill check (prove.ts) uses it to say whether a fault can be
 * noticed before the detection target, and the generated responses act when it can.
 */
import { advance, apply, type Command, createState, isRunning, type LineModel, observe, type Observation, Pack, type State, TICKS_PER_SECOND } from '../engine';
import { imrLimits, violations } from './spc';

export const SYMPTOM_KINDS = ['alarm', 'state', 'sensor', 'trend', 'spc', 'scrap', 'output'] as const;
export type SymptomKind = (typeof SYMPTOM_KINDS)[number];

export interface Symptom {
  readonly kind: SymptomKind;
  readonly tick: number;
  /** The station it shows at (null: the line's counters). */
  readonly station: string | null;
  /** The alarm id, PackML state name, sensor id or SPC rule: a student-visible fact. */
  readonly detail: string;
  /** A sensor reading's way out of its band: above it, below it, or no signal at all. */
  readonly side?: SensorSide;
}

export type SensorSide = 'high' | 'low' | 'bad';

export interface FaultSymptoms {
  readonly fault: string;
  /** When the fault began in this run (-1: it never did). */
  readonly onset: number;
  /** The first thing a student could see, or null if nothing showed before the run ended. */
  readonly first: Symptom | null;
  /** The first symptom of each kind seen, up to `until` ticks after the onset. */
  readonly seen: readonly Symptom[];
}

/** How often the line is looked at: a student glancing at the screens every ten seconds. */
export const LOOK_EVERY_TICKS = 10 * TICKS_PER_SECOND;
/** Extra scrap that shows on the line's counters: this many parts over the fault-free twin's. */
const SCRAP_NOTICED = 3;
/** Output that shows as low: under this share of the fault-free twin's since the fault began. */
const OUTPUT_NOTICED = 0.8;
/** ... once the twin has made at least this many good parts since then (too few say nothing). */
const OUTPUT_MIN_PARTS = 10;
/** The faceplate's SPC chart: the last 60 parts, limits from the first 20 of them. */
const SPC_WINDOW = 60;
const SPC_BASELINE = 20;
/**
 * A reading that has moved this share of its normal band since the fault began shows on its
 * trend: the chart spans at least the band, so that is a steady slope anyone comparing two
 * machines sees. At a quarter, the bearing drill's M2 vibration (1.1 -> 1.55 mm/s on a
 * 0-2.8 band, the rise its objective asks a student to spot) was "nothing clearly drifting".
 */
const TREND_NOTICED = 0.15;
/**
 * A drift is a change of level, seen on the trend as its average over five minutes: a reading
 * that swings with every part (a motor current between cuts and idle) is not drifting.
 */
const TREND_WINDOW_LOOKS = 30;
const STOP_STATES: ReadonlySet<number> = new Set([Pack.Held, Pack.Holding, Pack.Stopped, Pack.Stopping, Pack.Aborted, Pack.Aborting]);

interface Tracking {
  readonly fault: number;
  readonly onset: number;
  readonly scrap0: number;
  readonly good0: number;
  readonly twinScrap0: number;
  readonly twinGood0: number;
  readonly states0: readonly number[];
  /**
   * Each reading's average over the window before the onset; none for a fault that began before
   * a whole window had been seen (at the very start the line is still filling: its readings climb
   * because it starts, which is no drift a fault caused).
   */
  readonly readings0: ReadonlyMap<string, Level>;
  /**
   * For such a fault, each reading's distance from the fault-free twin's over the first window
   * after the onset (set once that window is full): a reading that moves away from the twin's
   * from there on drifts because of the fault, while the start-up moves both alike.
   */
  apart0: ReadonlyMap<string, Level> | null;
  /** Looks since the onset. */
  looks: number;
  readonly seen: Symptom[];
  first: Symptom | null;
  /** The fault's station has stopped since the onset (its readings no longer show a drift). */
  stopped: boolean;
}

/**
 * The station a fault is at, as the engine knows it (a bad lot: its source), or where a
 * line-wide one shows first (an air pressure drop: the first station that measures the shared
 * air), or -1 for one that shows nowhere in particular (a power dip stops every station).
 */
export function faultStation(model: LineModel, fi: number): number {
  const f = model.faults[fi]!;
  if (f.station >= 0) return f.station;
  if (f.type === 'badMaterialLot') return f.source;
  if (f.type === 'airPressureDrop') return model.sensors.find((x) => x.kind === 'airPressure')?.station ?? -1;
  return -1;
}

/**
 * An SPC rule fired since the fault began: on the fault station's chart when it has one (a rule
 * firing by chance elsewhere is not this fault's symptom), else on any chart (a bad lot shows
 * where its parts are measured).
 */
function spcFires(o: Observation, since: number, at: number): { station: string; rule: string; tick: number } | null {
  const own = at >= 0 && o.stations[at]!.measured.length > 0;
  for (const st of own ? [o.stations[at]!] : o.stations) {
    const window = st.measured.slice(-SPC_WINDOW);
    const limits = imrLimits(window.slice(0, Math.min(SPC_BASELINE, window.length)).map(([, v]) => v));
    if (limits === null) continue;
    const v = violations(
      window.map(([, x]) => x),
      limits,
    ).find((x) => window[x.index]![0] >= since);
    if (v !== undefined) return { station: st.id, rule: v.rule, tick: window[v.index]![0] };
  }
  return null;
}

/** The last TREND_WINDOW_LOOKS good readings of every sensor on the screens, by sensor id. */
type Recent = Map<string, number[]>;

function remember(recent: Recent, o: Observation): void {
  for (const st of o.stations) {
    for (const x of st.sensors) {
      if (x.value === null) continue;
      let r = recent.get(x.id);
      if (r === undefined) recent.set(x.id, (r = []));
      r.push(x.value);
      if (r.length > TREND_WINDOW_LOOKS) r.shift();
    }
  }
}

/** A window's level (its average) and the standard error of that average. */
interface Level {
  readonly mean: number;
  readonly se: number;
}

/** A reading's level less the fault-free twin's over the same window, with its standard error. */
function apart(r: readonly number[], twin: readonly number[]): Level {
  const a = level(r);
  const b = level(twin);
  return { mean: a.mean - b.mean, se: Math.hypot(a.se, b.se) };
}

function level(xs: readonly number[]): Level {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) * (b - mean), 0) / Math.max(1, xs.length - 1));
  return { mean, se: sd / Math.sqrt(xs.length) };
}

/**
 * Each reading's level over the looks before this one, the baseline of a fault seen first at this
 * look: only where a whole window came before it (`recent` holds this look's reading too).
 */
function levelsBefore(recent: Recent): ReadonlyMap<string, Level> {
  const out = new Map<string, Level>();
  for (const [id, r] of recent) if (r.length === TREND_WINDOW_LOOKS) out.set(id, level(r.slice(0, -1)));
  return out;
}

/**
 * The level moved by TREND_NOTICED of the normal band, and by more than the readings' own scatter
 * can explain (three standard errors of the two averages).
 */
function drifted(before: Level, now: Level, band: number): boolean {
  const moved = Math.abs(now.mean - before.mean);
  return moved > TREND_NOTICED * band && moved > 3 * Math.hypot(before.se, now.se);
}

function look(s: State, o: Observation, twin: State, tr: Tracking, model: LineModel, recent: Recent, recentTwin: Recent): Symptom[] {
  const out: Symptom[] = [];
  const at = faultStation(model, tr.fault);
  const atId = at >= 0 ? model.stations[at]!.id : null;
  const alarm = o.alarms.find((a) => a.raisedAt >= tr.onset);
  if (alarm) out.push({ kind: 'alarm', tick: o.tick, station: alarm.station, detail: alarm.id });
  const stopped = o.stations.find((st, i) => STOP_STATES.has(st.state) && st.state !== tr.states0[i]);
  if (stopped) out.push({ kind: 'state', tick: o.tick, station: stopped.id, detail: stopped.stateName });
  if (atId !== null) {
    const sensor = o.stations[at]!.sensors.find((x) => x.quality === 'bad' || (x.value !== null && (x.value < x.normal[0] || x.value > x.normal[1])));
    if (sensor) {
      const side: SensorSide = sensor.quality === 'bad' || sensor.value === null ? 'bad' : sensor.value > sensor.normal[1] ? 'high' : 'low';
      out.push({ kind: 'sensor', tick: o.tick, station: atId, detail: sensor.id, side });
    }
    // A drift means something only while the station runs on: once it has stopped, its readings
    // change because it stopped (a mill cools, its current drops) and again as it restarts (it
    // warms up), which are no sign of the cause.
    if (!isRunning(o.stations[at]!.state)) tr.stopped = true;
    // A fault that began before a whole window was seen is measured against the twin, from
    // the first window taken wholly since its onset.
    if (tr.apart0 === null && tr.readings0.size === 0 && tr.looks >= TREND_WINDOW_LOOKS) {
      const base = new Map<string, Level>();
      for (const x of o.stations[at]!.sensors) {
        const r = recent.get(x.id);
        const w = recentTwin.get(x.id);
        if (r !== undefined && w !== undefined && r.length === w.length) base.set(x.id, apart(r, w));
      }
      tr.apart0 = base;
    }
    // Once the window holds only readings taken since the onset.
    const trend =
      !tr.stopped &&
      tr.looks >= TREND_WINDOW_LOOKS &&
      o.stations[at]!.sensors.find((x) => {
        // A reading already seen out of its band (a noisy one) says nothing more by drifting.
        if (tr.seen.some((y) => y.kind === 'sensor' && y.detail === x.id)) return false;
        const r = recent.get(x.id);
        if (r === undefined) return false;
        const band = x.normal[1] - x.normal[0];
        const v0 = tr.readings0.get(x.id);
        if (v0 !== undefined) return drifted(v0, level(r), band);
        const a0 = tr.apart0?.get(x.id);
        const w = recentTwin.get(x.id);
        return a0 !== undefined && w !== undefined && w.length === r.length && drifted(a0, apart(r, w), band);
      });
    if (trend) out.push({ kind: 'trend', tick: o.tick, station: atId, detail: trend.id });
  }
  const spc = spcFires(o, tr.onset, at);
  if (spc) out.push({ kind: 'spc', tick: o.tick, station: spc.station, detail: spc.rule });
  const line = s.line;
  if (line.scrap - tr.scrap0 >= twin.line.scrap - tr.twinScrap0 + SCRAP_NOTICED) out.push({ kind: 'scrap', tick: o.tick, station: null, detail: String(line.scrap - tr.scrap0) });
  const twinGood = twin.line.good - tr.twinGood0;
  if (twinGood >= OUTPUT_MIN_PARTS && line.good - tr.good0 < OUTPUT_NOTICED * twinGood) out.push({ kind: 'output', tick: o.tick, station: null, detail: String(line.good - tr.good0) });
  return out;
}

/**
 * Step a run (the given commands applied at their ticks) and note, for each fault, the first
 * symptom a student could see and the first of each kind within `until` ticks of its onset, up
 * to the tick `end` (a run ended early: as far as it went). Only the first occurrence of a
 * recurring fault is followed.
 */
export function findSymptoms(model: LineModel, seed: number, commands: readonly Command[], until: number, end: number = model.durationTicks): FaultSymptoms[] {
  const s = createState(model, seed);
  const twin = createState(model, seed, { withoutFaults: true });
  const tracking: (Tracking | null)[] = model.faults.map(() => null);
  const done = new Set<number>();
  let next = 0;
  // The line as it was at the previous look: the baseline a fault that began since is seen against
  // (its readings too, in `recent`: a fault that stops a station at once must not be measured from the stop).
  let before = { states: s.stations.map((x) => x.pack as number), scrap: 0, good: 0, twinScrap: 0, twinGood: 0 };
  const recent: Recent = new Map();
  // The twin's readings over the same looks: the baseline of a fault that began at the start.
  const recentTwin: Recent = new Map();
  for (let t = 0; t <= end && done.size < model.faults.length; t = t === end ? end + 1 : Math.min(end, t + LOOK_EVERY_TICKS)) {
    while (next < commands.length && commands[next]!.tick <= t) {
      advance(s, commands[next]!.tick);
      apply(s, commands[next]!);
      next++;
    }
    advance(s, t);
    advance(twin, t);
    const o = observe(s, 0);
    remember(recent, o);
    remember(recentTwin, observe(twin, 0));
    for (let fi = 0; fi < model.faults.length; fi++) {
      if (done.has(fi)) continue;
      const onset = s.faults[fi]!.onset;
      if (onset < 0 || onset > t) continue;
      let tr = tracking[fi];
      if (tr === null || tr === undefined) {
        tr = {
          fault: fi,
          onset,
          scrap0: before.scrap,
          good0: before.good,
          twinScrap0: before.twinScrap,
          twinGood0: before.twinGood,
          states0: before.states,
          readings0: levelsBefore(recent),
          apart0: null,
          looks: 0,
          seen: [],
          first: null,
          stopped: false,
        };
        tracking[fi] = tr;
      }
      // Once fixed, what the line shows is no longer a sign of it (an SPC rule firing on the new
      // sensor's first parts was listed as the dead gauge's symptom).
      if (s.faults[fi]!.resolvedAt >= onset) {
        done.add(fi);
        continue;
      }
      tr.looks += 1;
      for (const symptom of look(s, o, twin, tr, model, recent, recentTwin)) {
        tr.first ??= symptom;
        if (symptom.tick - onset <= until && !tr.seen.some((x) => x.kind === symptom.kind)) tr.seen.push(symptom);
      }
      if (tr.first !== null && t - onset >= until) done.add(fi);
    }
    before = { states: s.stations.map((x) => x.pack as number), scrap: s.line.scrap, good: s.line.good, twinScrap: twin.line.scrap, twinGood: twin.line.good };
  }
  return model.faults.map((f, fi) => {
    const tr = tracking[fi];
    return { fault: f.id, onset: tr?.onset ?? -1, first: tr?.first ?? null, seen: tr?.seen ?? [] };
  });
}
