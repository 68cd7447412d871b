/**
 * Replaying a recorded session with random access. One pass re-simulates the whole session,
 * keeping a keyframe snapshot every few simulated minutes, the timeline's markers, KPI samples
 * for charts and the checkpoint hashes (so a replay that does not reproduce is never shown as
 * if it did). Seeking restores the keyframe at or before the target and simulates the rest,
 * which is at most one keyframe interval of engine time: well under the 100 ms a seek may take.
 */
import { type Assessment, assess, byTick, part, type Progress, scoringRules } from '../assessment';
import { advance, type AlarmPriority, apply, type Command, createState, type FaultType, kpis, type LineModel, Pack, type Refusal, restore, snapshot, type State, stateHash } from '../engine';
import { advanceRecording, type Checkpoint, type Verification, verifyCheckpoints } from './record';
import type { SessionFile } from './session-file';

/** Something worth seeing on the timeline. Fault markers are the instructor's: students never see them. */
export type Marker =
  | { readonly tick: number; readonly kind: 'fault'; readonly fault: string; readonly type: FaultType; readonly station: string | null; readonly edge: 'onset' | 'resolved' }
  | { readonly tick: number; readonly kind: 'alarm'; readonly alarm: string; readonly priority: AlarmPriority; readonly station: string }
  | {
      readonly tick: number;
      readonly kind: 'command';
      readonly index: number;
      readonly command: Command;
      readonly accepted: boolean;
      readonly reason: string;
      /** The refusal as a message key, for the screen's language (null when accepted). */
      readonly refusal: Refusal | null;
    }
  | { readonly tick: number; readonly kind: 'state'; readonly station: string; readonly to: number; readonly reason: number }
  | { readonly tick: number; readonly kind: 'score'; readonly what: 'detect' | 'diagnose' | 'restore' | 'wrongRepair' | 'breach'; readonly station: string | null; readonly fault: string | null };

export type MarkerKind = Marker['kind'];

/** Line KPIs sampled along the session, for trend charts and the compare view. */
export interface KpiSamples {
  readonly ticks: number[];
  readonly oee: number[];
  readonly throughput: number[];
  readonly good: number[];
  readonly scrap: number[];
}

interface Keyframe {
  readonly tick: number;
  readonly snap: string;
  /** How many of the session's commands the keyframe's state has applied. */
  readonly applied: number;
}

export interface ReplayIndex {
  readonly model: LineModel;
  readonly seed: number;
  readonly commands: readonly Command[];
  readonly endTick: number;
  readonly keyframes: readonly Keyframe[];
  readonly markers: readonly Marker[];
  readonly kpis: KpiSamples;
  readonly verification: Verification;
  readonly assessment: Assessment;
  /** What extending the index needs (extendReplayIndex): the pass's own markers, refusals and checkpoints. */
  readonly grown: { readonly collected: readonly Marker[]; readonly refusals: readonly (Refusal | null)[]; readonly checkpoints: readonly Checkpoint[]; readonly scenario: SessionFile['scenario']; readonly engine: number };
}

/** Keyframe spacing: 5 simulated minutes, wider for very long sessions (at most ~400 keyframes). */
export function keyframeInterval(endTick: number): number {
  return Math.max(3000, Math.ceil(endTick / 400 / 600) * 600);
}

/** KPI sample spacing: 1 simulated minute, wider for long sessions (at most ~600 samples). */
function sampleInterval(endTick: number): number {
  return Math.max(600, Math.ceil(endTick / 600 / 600) * 600);
}

const STOPPED: ReadonlySet<number> = new Set([Pack.Held, Pack.Aborted, Pack.Stopped]);

/**
 * Reads new log entries and fault edges after each step of the pass, without changing the state.
 * A collector on a state restored mid-session (a live session grown) starts after the entries
 * the state already holds, numbering commands from `commandsBefore`.
 */
function markerCollector(s: State, resumed: boolean, commandsBefore: number) {
  const out: Marker[] = [];
  const alarmStation = new Map(s.model.alarms.map((a) => [a.id, s.model.stations[a.station]!.id]));
  // The engine logs every command it is given, in order: the n-th command entry is command n.
  let commandsSeen = commandsBefore;
  let lastSeen: object | null = resumed ? (s.log.at(-1) ?? null) : null;
  let lastTick = resumed ? (s.log.at(-1)?.tick ?? -1) : -1;
  const onsets = s.faults.map((f) => f.onset);
  const resolved = s.faults.map((f) => f.resolvedAt);
  return {
    out,
    collect(): void {
      const log = s.log;
      // The log is bounded and trimmed from the front: find where we stopped by identity.
      let from = 0;
      if (lastSeen !== null) {
        const at = log.lastIndexOf(lastSeen as (typeof log)[number]);
        from = at >= 0 ? at + 1 : log.findIndex((e) => e.tick > lastTick);
        if (from < 0) from = log.length;
      }
      for (let k = from; k < log.length; k++) {
        const e = log[k]!;
        if (e.kind === 'alarm' && e.phase === 'unack') out.push({ tick: e.tick, kind: 'alarm', alarm: e.alarm, priority: e.priority, station: alarmStation.get(e.alarm) ?? '' });
        else if (e.kind === 'state' && (STOPPED.has(e.to) || e.to === Pack.Execute)) out.push({ tick: e.tick, kind: 'state', station: e.station, to: e.to, reason: e.reason });
        else if (e.kind === 'command') out.push({ tick: e.tick, kind: 'command', index: commandsSeen++, command: e.command, accepted: e.accepted, reason: e.reason, refusal: null });
      }
      const newest = log[log.length - 1];
      if (newest !== undefined) {
        lastSeen = newest;
        lastTick = newest.tick;
      }
      s.faults.forEach((f, fi) => {
        const spec = s.model.faults[fi]!;
        const station = spec.station >= 0 ? s.model.stations[spec.station]!.id : null;
        if (f.onset !== onsets[fi] && f.onset >= 0) out.push({ tick: f.onset, kind: 'fault', fault: spec.id, type: spec.type, station, edge: 'onset' });
        if (f.resolvedAt !== resolved[fi] && f.resolvedAt >= 0) out.push({ tick: f.resolvedAt, kind: 'fault', fault: spec.id, type: spec.type, station, edge: 'resolved' });
        onsets[fi] = f.onset;
        resolved[fi] = f.resolvedAt;
      });
    },
  };
}

/** The assessment's moments (detect, diagnose, restore, wrong repairs, breaches) as markers. */
function scoreMarkers(a: Assessment, endTick: number): Marker[] {
  const out: Marker[] = [];
  const at = (seconds: number) => Math.min(endTick, Math.round(seconds * 10));
  for (const f of a.faults) {
    const base = f.onsetSeconds;
    if (f.detectSeconds !== null) out.push({ tick: at(base + f.detectSeconds), kind: 'score', what: 'detect', station: f.station, fault: f.id });
    if (f.diagnoseSeconds !== null) out.push({ tick: at(base + f.diagnoseSeconds), kind: 'score', what: 'diagnose', station: f.station, fault: f.id });
    if (f.restoreSeconds !== null) out.push({ tick: at(base + f.restoreSeconds), kind: 'score', what: 'restore', station: f.station, fault: f.id });
  }
  for (const w of a.wrongRepairs) out.push({ tick: w.tick, kind: 'score', what: 'wrongRepair', station: w.station, fault: null });
  for (const b of a.safetyBreaches) out.push({ tick: b.tick, kind: 'score', what: 'breach', station: b.station, fault: null });
  return out;
}

/** What one pass over part of a session adds to an index. */
interface Pass {
  readonly collected: Marker[];
  readonly checkpoints: Checkpoint[];
  readonly keyframes: Keyframe[];
  readonly samples: KpiSamples;
  readonly refusals: (Refusal | null)[];
}

/**
 * Simulates `s` from where it stands to `endTick`, applying `commands` from `applied` on at
 * their ticks and stopping at every keyframe and KPI sample tick of the grid on the way (and at
 * `endTick`, which always gets a keyframe and a sample).
 */
function simulatePass(s: State, commands: readonly Command[], applied: number, endTick: number, every: number, sampleEvery: number, withKeyframes: boolean, onTick?: (tick: number) => void): Pass {
  const collector = markerCollector(s, applied > 0 || s.tick > 0, applied);
  const pass: Pass = { collected: collector.out, checkpoints: [], keyframes: [], samples: { ticks: [], oee: [], throughput: [], good: [], scrap: [] }, refusals: [] };
  const from = s.tick;
  const stops = new Set<number>([endTick]);
  if (from === 0) stops.add(0);
  for (let t = (Math.floor(from / every) + 1) * every; t < endTick; t += every) stops.add(t);
  for (let t = (Math.floor(from / sampleEvery) + 1) * sampleEvery; t < endTick; t += sampleEvery) stops.add(t);
  for (const stop of [...stops].sort((a, b) => a - b)) {
    while (applied < commands.length && commands[applied]!.tick <= stop) {
      const c = commands[applied]!;
      advanceRecording(s, c.tick, pass.checkpoints, onTick);
      pass.refusals.push(apply(s, c).refusal);
      applied += 1;
      collector.collect();
    }
    advanceRecording(s, stop, pass.checkpoints, onTick);
    collector.collect();
    if (stop % sampleEvery === 0 || stop === endTick) {
      const k = kpis(s).line;
      pass.samples.ticks.push(stop);
      pass.samples.oee.push(k.oee.oee);
      pass.samples.throughput.push(k.throughputPerHour);
      pass.samples.good.push(k.goodParts);
      pass.samples.scrap.push(k.scrapParts);
    }
    if (withKeyframes && (stop % every === 0 || stop === endTick)) pass.keyframes.push({ tick: stop, snap: snapshot(s), applied });
  }
  return pass;
}

/** The timeline's markers: what the pass saw (refused commands with their reasons) and the assessment's moments. */
function markersOf(collected: readonly Marker[], refusals: readonly (Refusal | null)[], assessment: Assessment, endTick: number): Marker[] {
  const withRefusals = collected.map((m) => (m.kind === 'command' && !m.accepted ? { ...m, refusal: refusals[m.index] ?? null } : m));
  return [...withRefusals, ...scoreMarkers(assessment, endTick)].sort((a, b) => a.tick - b.tick);
}

/**
 * Re-simulate a whole session once, keeping what random access and the timeline need. The
 * assessment re-runs it twice more (the student's run and its fault-free twin): a third of the
 * progress each.
 */
export function buildReplayIndex(model: LineModel, session: SessionFile, options: { keyframes?: boolean; progress?: Progress } = {}): ReplayIndex {
  const onTick = byTick(part(options.progress, 0, 1 / 3), session.endTick);
  const { seed, commands, endTick } = session;
  const s = createState(model, seed);
  const pass = simulatePass(s, commands, 0, endTick, keyframeInterval(endTick), sampleInterval(endTick), options.keyframes ?? true, onTick);
  const checkpoints = [...pass.checkpoints, { tick: s.tick, hash: stateHash(s) }];
  const assessment = assess(model, seed, commands, endTick, scoringRules(session.scenario), part(options.progress, 1 / 3, 1));
  return {
    model,
    seed,
    commands,
    endTick,
    keyframes: pass.keyframes,
    markers: markersOf(pass.collected, pass.refusals, assessment, endTick),
    kpis: pass.samples,
    verification: verifyCheckpoints(session.engine, session.checkpoints, checkpoints),
    assessment,
    grown: { collected: pass.collected, refusals: pass.refusals, checkpoints: pass.checkpoints, scenario: session.scenario, engine: session.engine },
  };
}

/**
 * The index of a session that has grown since `index` was built (an instructor following a
 * live run): the same session with more commands after the ones indexed and a later end. Only
 * the new part is simulated, from the keyframe at the old end; the assessment, which needs the
 * whole run and its fault-free twin, is redone only when `reassess` (it costs two full passes),
 * else the previous one is kept. Null when the session is not a continuation of the indexed one
 * (the caller then builds it afresh).
 */
export function extendReplayIndex(index: ReplayIndex, session: SessionFile, reassess: boolean): ReplayIndex | null {
  const old = index.commands;
  const last = index.keyframes.at(-1);
  if (last === undefined || last.tick !== index.endTick || session.seed !== index.seed || session.endTick < index.endTick || session.commands.length < old.length) return null;
  if (old.some((c, k) => JSON.stringify(c) !== JSON.stringify(session.commands[k])) || session.commands.slice(old.length).some((c) => c.tick < index.endTick)) return null;
  if (session.endTick === index.endTick && session.commands.length === old.length) {
    if (!reassess) return index;
    const assessment = assess(index.model, index.seed, old, index.endTick, scoringRules(session.scenario));
    return { ...index, assessment, markers: markersOf(index.grown.collected, index.grown.refusals, assessment, index.endTick) };
  }
  const { endTick, commands } = session;
  const s = restore(index.model, last.snap);
  const pass = simulatePass(s, commands, last.applied, endTick, keyframeInterval(endTick), sampleInterval(endTick), true);
  const checkpoints = [...index.grown.checkpoints, ...pass.checkpoints];
  // The old end's sample stays (it was true at its tick); so does its keyframe (one more to seek from).
  const kpiSamples: KpiSamples = {
    ticks: [...index.kpis.ticks, ...pass.samples.ticks],
    oee: [...index.kpis.oee, ...pass.samples.oee],
    throughput: [...index.kpis.throughput, ...pass.samples.throughput],
    good: [...index.kpis.good, ...pass.samples.good],
    scrap: [...index.kpis.scrap, ...pass.samples.scrap],
  };
  const collected = [...index.grown.collected, ...pass.collected];
  const refusals = [...index.grown.refusals, ...pass.refusals];
  const assessment = reassess ? assess(index.model, index.seed, commands, endTick, scoringRules(session.scenario)) : index.assessment;
  return {
    ...index,
    commands,
    endTick,
    keyframes: [...index.keyframes, ...pass.keyframes],
    markers: markersOf(collected, refusals, assessment, endTick),
    kpis: kpiSamples,
    verification: verifyCheckpoints(session.engine, session.checkpoints, [...checkpoints, { tick: s.tick, hash: stateHash(s) }]),
    assessment,
    grown: { ...index.grown, collected, refusals, checkpoints },
  };
}

/** The state at `tick` (commands stamped at or before it applied), and how many commands that is. */
export function seekIndex(index: ReplayIndex, tick: number): { state: State; applied: number } {
  const target = Math.max(0, Math.min(tick, index.endTick));
  const kfs = index.keyframes;
  if (kfs.length === 0) throw new Error('this replay index was built without keyframes');
  // Binary search: the last keyframe at or before the target.
  let lo = 0;
  let hi = kfs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (kfs[mid]!.tick <= target) lo = mid;
    else hi = mid - 1;
  }
  const kf = kfs[lo]!;
  const state = restore(index.model, kf.snap);
  const applied = playForward(state, index.commands, kf.applied, target);
  return { state, applied };
}

/**
 * Continue a replayed state to `toTick`, applying the session's commands from `applied` on at
 * their ticks, exactly as the recording did. Returns the new count of applied commands.
 */
export function playForward(s: State, commands: readonly Command[], applied: number, toTick: number): number {
  let k = applied;
  while (k < commands.length && commands[k]!.tick <= toTick) {
    const c = commands[k]!;
    advance(s, Math.max(s.tick, c.tick));
    apply(s, c);
    k += 1;
  }
  advance(s, Math.max(s.tick, toTick));
  return k;
}
