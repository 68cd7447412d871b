/**
 * A technician the drill check sends in: once each fault can be noticed, they acknowledge the
 * alarms, make the checks the objectives ask for, declare the cause, make the station safe the
 * way the repair needs it (stopped, locked out), repair, and bring it back to production. The
 * `reference` technician uses the scenario's accepted fix; the `wrong` one the tempting fix
 * (the fault's `temptingFix`, or the usual mistake for its type). They act on the live state
 * step by step, the way a student would, so the command log they leave is one a student could
 * have written: replayed, it gives the same run.
 */
import {
  advance,
  apply,
  CHECK_RULES,
  type CheckKind,
  type Command,
  createState,
  type FaultType,
  isStandstill,
  kpis,
  type LineModel,
  Pack,
  type PackCommand,
  REPAIR_RULES,
  type RepairAction,
  repairApplies,
  type State,
  stationHas,
  TICKS_PER_SECOND,
  type WorkRule,
} from '../engine';
import type { ObjectiveCheck, ScenarioFile } from '../scenario';
import { faultStation } from './symptoms';

/** A figure the drill asks for is reported this long before the end of the shift. */
const REPORT_BEFORE_END_TICKS = 5 * 60 * TICKS_PER_SECOND;

export type ResponseKind = 'reference' | 'wrong';

/** The fix a student is tempted to try for each kind of fault (from the shipped drills' wrong responses). */
export const DEFAULT_TEMPTING_FIX: Readonly<Record<FaultType, RepairAction>> = {
  breakdown: 'replaceTool',
  bearingWear: 'replaceSensor',
  lubricationFailure: 'replaceSensor',
  toolWear: 'recalibrate',
  calibrationOffset: 'replaceTool',
  sensorStuck: 'restoreCooling',
  sensorNoisy: 'replaceBearing',
  sensorDead: 'recalibrate',
  conveyorJam: 'generalRepair',
  airPressureDrop: 'generalRepair',
  spindleOverheating: 'replaceTool',
  badMaterialLot: 'recalibrate',
  wrongParameter: 'generalRepair',
  powerDip: 'generalRepair',
  eStop: 'generalRepair',
  gripperMisalignment: 'generalRepair',
};

/** The technician looks and acts every five seconds. */
const ACT_EVERY_TICKS = 5 * TICKS_PER_SECOND;
/** Restart attempts before a technician gives up on a station that will not run. */
const MAX_RESTARTS = 3;
const RESTART: Readonly<Partial<Record<number, PackCommand>>> = {
  [Pack.Held]: 'unhold',
  [Pack.Stopped]: 'reset',
  [Pack.Complete]: 'reset',
  [Pack.Idle]: 'start',
  [Pack.Aborted]: 'clear',
};
const LOCKABLE: ReadonlySet<number> = new Set([Pack.Stopped, Pack.Aborted, Pack.Idle, Pack.Complete]);
const TRANSIENT: ReadonlySet<number> = new Set([Pack.Stopping, Pack.Aborting, Pack.Clearing, Pack.Resetting, Pack.Starting, Pack.Holding, Pack.Unholding, Pack.Suspending, Pack.Unsuspending, Pack.Completing]);

type Step = 'ack' | 'check' | 'diagnose' | 'repair' | 'restore' | 'done';

interface Job {
  readonly fault: number;
  /** Where the technician works: the fault's station, or for a line-wide fault the first it stopped. */
  station: number;
  step: Step;
  checks: { readonly check: CheckKind; readonly lockedOut: boolean }[];
  restarts: number;
}

type Action = Command | 'wait' | 'next';

function stationId(s: State, i: number): string {
  return s.model.stations[i]!.id;
}

/** The command that brings the station one step closer to the state work needs, or null when it is there. */
function secure(s: State, i: number, rule: WorkRule, t: number): Action | null {
  const st = s.stations[i]!;
  if (TRANSIENT.has(st.pack)) return 'wait';
  if (rule.lockOut && !st.lockedOut) {
    return LOCKABLE.has(st.pack) ? { type: 'lockOut', tick: t, station: stationId(s, i) } : { type: 'packml', tick: t, station: stationId(s, i), command: 'stop' };
  }
  if (rule.stop && !isStandstill(st.pack)) return { type: 'packml', tick: t, station: stationId(s, i), command: 'stop' };
  return null;
}

function isPassive(model: LineModel, i: number): boolean {
  const type = model.stations[i]!.type;
  return type === 'buffer' || type === 'sink';
}

/** The stations a line-wide fault stops. */
function lineStations(model: LineModel, fi: number): number[] {
  const f = model.faults[fi]!;
  const listed = f.type === 'powerDip' || f.type === 'eStop' ? f.stations : [];
  const all = listed.length > 0 ? listed : model.stations.map((_, i) => i);
  return all.filter((i) => !isPassive(model, i));
}

function objectivesFor(sc: ScenarioFile, faultId: string): ObjectiveCheck[] {
  return (sc.objectives ?? []).flatMap((o) => (typeof o === 'object' && 'check' in o && (!('fault' in o.check) || o.check.fault === undefined || o.check.fault === faultId) ? [o.check] : []));
}

/**
 * The tempting fix for a fault: the scenario's, or the usual mistake for its type where the
 * station has what it needs (only a machine has a cutting tool: elsewhere a general repair).
 */
export function temptingFix(sc: ScenarioFile, model: LineModel, fi: number): RepairAction {
  const f = model.faults[fi]!;
  const given = sc.faults?.find((x) => x.id === f.id)?.temptingFix;
  if (given !== undefined) return given;
  const usual = DEFAULT_TEMPTING_FIX[f.type];
  const at = faultStation(model, fi);
  return usual === 'replaceTool' && (at < 0 || model.stations[at]!.type !== 'machine') ? 'generalRepair' : usual;
}

function repairOf(sc: ScenarioFile, s: State, fi: number, kind: ResponseKind): RepairAction | null {
  const f = s.model.faults[fi]!;
  if (kind === 'wrong') return temptingFix(sc, s.model, fi);
  const wanted = objectivesFor(sc, f.id).find((o) => o.kind === 'fixWith');
  if (wanted?.kind === 'fixWith') return wanted.action;
  return f.resolvedBy[0] ?? null;
}

function repairCommand(s: State, job: Job, action: RepairAction, t: number): Command {
  const f = s.model.faults[job.fault]!;
  const station = stationId(s, job.station);
  if (action === 'quarantineLot') return { type: 'repair', tick: t, station, action, lot: f.type === 'badMaterialLot' ? f.lot : '' };
  if (action === 'replaceSensor') {
    const sensor = 'sensor' in f ? s.model.sensors[f.sensor]!.kind : Object.keys(s.model.sensorsOf[job.station]!)[0];
    return sensor === undefined ? { type: 'repair', tick: t, station, action } : { type: 'repair', tick: t, station, action, sensor };
  }
  return { type: 'repair', tick: t, station, action };
}

function restart(s: State, i: number, t: number): Action {
  const st = s.stations[i]!;
  if (st.task !== null || TRANSIENT.has(st.pack)) return 'wait';
  if (st.lockedOut) return { type: 'removeLockOut', tick: t, station: stationId(s, i) };
  const command = RESTART[st.pack];
  return command === undefined ? 'next' : { type: 'packml', tick: t, station: stationId(s, i), command };
}

/** The next thing the technician does on this job. */
function act(sc: ScenarioFile, s: State, job: Job, kind: ResponseKind, t: number): Action {
  const f = s.model.faults[job.fault]!;
  const lineWide = f.type === 'powerDip' || f.type === 'eStop';
  switch (job.step) {
    case 'ack': {
      const ai = s.alarms.findIndex((a) => a.phase === 'unack' || a.phase === 'rtnUnack');
      return ai < 0 ? 'next' : { type: 'ackAlarm', tick: t, alarm: s.model.alarms[ai]!.id };
    }
    case 'check': {
      const c = job.checks[0];
      if (c === undefined) return 'next';
      const st = s.stations[job.station]!;
      if (st.task !== null) return 'wait';
      const rule = CHECK_RULES[c.check];
      const ready = secure(s, job.station, { stop: rule.stop || c.lockedOut, lockOut: rule.lockOut || c.lockedOut }, t);
      if (ready !== null) return ready;
      job.checks.shift();
      const sensor = c.check === 'handheld' ? (Object.keys(s.model.sensorsOf[job.station]!)[0] ?? '') : undefined;
      return sensor === undefined ? { type: 'check', tick: t, station: stationId(s, job.station), check: c.check } : { type: 'check', tick: t, station: stationId(s, job.station), check: c.check, sensor };
    }
    case 'diagnose': {
      if (kind === 'wrong') return 'next';
      job.step = 'repair';
      const sensor = 'sensor' in f ? s.model.sensors[f.sensor]!.kind : undefined;
      const base = { type: 'diagnose' as const, tick: t, station: stationId(s, job.station), cause: f.type };
      return sensor === undefined ? base : { ...base, sensor };
    }
    case 'repair': {
      if (s.stations[job.station]!.task !== null) return 'wait';
      const action = lineWide && kind === 'reference' ? null : repairOf(sc, s, job.fault, kind);
      if (action === null) {
        if (s.eStop) return { type: 'releaseEStop', tick: t };
        return 'next';
      }
      // A tempting fix is made where it can be: a bad lot's is to recalibrate the gauge that rejects its parts.
      if (!repairApplies(action, s.model.stations[job.station]!.type, stationHas(s.model, job.station))) {
        const there = s.model.stations.findIndex((x, i) => repairApplies(action, x.type, stationHas(s.model, i)));
        if (there >= 0) job.station = there;
      }
      const ready = secure(s, job.station, REPAIR_RULES[action], t);
      if (ready !== null) return ready;
      job.step = 'restore';
      return repairCommand(s, job, action, t);
    }
    case 'restore': {
      // A line-wide trip that was "repaired" at one station leaves the line down: that is the mistake.
      if (lineWide && kind === 'wrong') return 'next';
      const stations = lineWide ? lineStations(s.model, job.fault) : [job.station];
      let waiting = false;
      for (const i of stations) {
        const a = restart(s, i, t);
        if (a === 'wait') waiting = true;
        else if (a !== 'next') {
          if (!lineWide && a.type === 'packml' && a.command === 'unhold') job.restarts++;
          return job.restarts > MAX_RESTARTS ? 'next' : a;
        }
      }
      return waiting ? 'wait' : 'next';
    }
    case 'done':
      return 'wait';
  }
}

const NEXT_STEP: Readonly<Record<Step, Step>> = { ack: 'check', check: 'diagnose', diagnose: 'repair', repair: 'restore', restore: 'done', done: 'done' };

/**
 * The technician's command log for a run of this scenario: each fault taken in turn once it
 * can be noticed (`noticedAfter`: ticks from its onset to its first symptom, from the
 * symptom search; a fault missing from it is acted on at once), after the given commands
 * (an instructor's manual faults) that are merged in.
 */
export function respond(sc: ScenarioFile, model: LineModel, seed: number, kind: ResponseKind, noticedAfter: ReadonlyMap<string, number>, given: readonly Command[] = []): Command[] {
  const s = createState(model, seed);
  // A drill that asks for the line to be run through OPC UA or MQTT gets its PackML commands that way.
  const checks = (sc.objectives ?? []).flatMap((o) => (typeof o === 'object' && 'check' in o ? [o.check] : []));
  const via = checks.flatMap((c) => (c.kind === 'commandsVia' ? [c.via] : []))[0];
  // Figures to report, worked out from the line's counters near the end of the shift.
  const reports = checks.flatMap((c) => (c.kind === 'reportFigure' ? [c] : []));
  const reportAt = Math.max(0, model.durationTicks - REPORT_BEFORE_END_TICKS);
  const out: Command[] = [];
  const jobs: Job[] = [];
  // A recurring fault is taken again at each occurrence.
  const taken = new Set<string>();
  let g = 0;
  for (let t = 0; t <= model.durationTicks; t += ACT_EVERY_TICKS) {
    while (g < given.length && given[g]!.tick <= t) {
      advance(s, given[g]!.tick);
      apply(s, given[g]!);
      out.push(given[g]!);
      g++;
    }
    advance(s, t);
    if (t >= reportAt && reports.length > 0) {
      for (const r of reports.splice(0)) {
        const value = kpis(s).stations.find((x) => x.id === r.station)?.oee?.oee ?? 0;
        const command: Command = { type: 'report', tick: t, figure: r.figure, station: r.station, value };
        apply(s, command);
        out.push(command);
      }
    }
    for (let fi = 0; fi < model.faults.length; fi++) {
      const onset = s.faults[fi]!.onset;
      const occurrence = `${fi}:${s.faults[fi]!.occurrences}`;
      if (taken.has(occurrence) || onset < 0 || s.faults[fi]!.phase !== 'active' || t < onset + (noticedAfter.get(model.faults[fi]!.id) ?? 0)) continue;
      taken.add(occurrence);
      const at = faultStation(model, fi);
      const stopped = lineStations(model, fi).find((i) => s.stations[i]!.pack === Pack.Aborted || s.stations[i]!.pack === Pack.Aborting);
      const station = at >= 0 ? at : (stopped ?? lineStations(model, fi)[0] ?? 0);
      const checks = kind === 'wrong' ? [] : objectivesFor(sc, model.faults[fi]!.id).flatMap((o) => (o.kind === 'checkBeforeFix' ? [{ check: o.check, lockedOut: o.lockedOut ?? false }] : []));
      jobs.push({ fault: fi, station, step: 'ack', checks, restarts: 0 });
    }
    const job = jobs.find((j) => j.step !== 'done');
    if (job === undefined) continue;
    // Several steps may pass in one look (nothing to acknowledge, no check asked for), but at
    // most one command is given per look, as a person at a panel would.
    for (let guard = 0; guard < 6; guard++) {
      const a = act(sc, s, job, kind, t);
      if (a === 'wait') break;
      if (a === 'next') {
        job.step = NEXT_STEP[job.step];
        if (job.step === 'done') break;
        continue;
      }
      const command: Command = via !== undefined && a.type === 'packml' ? { ...a, via } : a;
      apply(s, command);
      out.push(command);
      break;
    }
  }
  while (g < given.length) out.push(given[g++]!);
  return out;
}
