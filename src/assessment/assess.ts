/**
 * Judging a run (DOMAIN §8), purely from the scenario, the seed and the command log: the
 * engine is re-run to reveal the truth, and a fault-free twin of the same seed gives the
 * production that was possible. The same inputs give the same verdict live and on replay.
 */
import { apply, type Command, createState, isRunning, type LineModel, type LogEntry, measuresPartsOf, type State, TICKS_PER_SECOND } from '../engine';
import type { ObjectiveCheck } from '../scenario';
import { count, judgeObjectives, type ObjectiveVerdict } from './objectives';
import { advanceReporting, byTick, part, type Progress } from './progress';

export interface ScoringRules {
  readonly passScore: number;
  readonly targets: { readonly detect: number; readonly diagnose: number; readonly restore: number };
  readonly penalties: {
    readonly perMinuteLate: number;
    readonly wrongRepair: number;
    readonly unneededCheck: number;
    readonly hint: number;
    readonly unresolvedFault: number;
    readonly lostPart: number;
    readonly scrapPart: number;
  };
  /** A customer order due at the end of the run: good parts short of it cost points each. */
  readonly order: { readonly goodParts: number; readonly perPartShort: number } | null;
  /** The rule of each objective of the scenario, in its order (null: shown, not judged). */
  readonly objectives: readonly (ObjectiveCheck | null)[];
}

export const DEFAULT_SCORING: ScoringRules = {
  passScore: 60,
  targets: { detect: 300, diagnose: 900, restore: 1800 },
  penalties: { perMinuteLate: 0.5, wrongRepair: 10, unneededCheck: 2, hint: 5, unresolvedFault: 30, lostPart: 0.05, scrapPart: 0.1 },
  order: null,
  objectives: [],
};

import type { FaultAssessment } from './fault-assessment';

export type { FaultAssessment };

export type PenaltyKey =
  | 'late'
  | 'lateSeconds'
  | 'never'
  | 'notFixed'
  | 'wrongRepairs'
  | 'unneededChecks'
  | 'hints'
  | 'lostParts'
  | 'extraScrap'
  | 'orderShort'
  | 'endedBeforeFault';

export interface Penalty {
  /** In English, for the CLI and files. */
  readonly reason: string;
  /** The same as a message key and values, for the screen's language (`fault` is a fault id, `what` detect/diagnose/restore). */
  readonly key: PenaltyKey;
  readonly params: Readonly<Record<string, string | number>>;
  readonly points: number;
}

export interface Assessment {
  readonly score: number;
  readonly passed: boolean;
  readonly passScore: number;
  readonly faults: readonly FaultAssessment[];
  readonly wrongRepairs: readonly { readonly tick: number; readonly station: string; readonly action: string }[];
  readonly unneededChecks: number;
  readonly safetyBreaches: readonly { readonly tick: number; readonly station: string; readonly what: string }[];
  readonly hints: number;
  readonly goodParts: number;
  readonly possibleGoodParts: number;
  readonly productionLost: number;
  readonly scrapParts: number;
  readonly penalties: readonly Penalty[];
  readonly rejectedCommands: number;
  /** A verdict per objective of the scenario. */
  readonly objectives: readonly ObjectiveVerdict[];
  /** Why the run passed or not: the first reason that decided it. */
  readonly decidedBy: 'passed' | 'safetyBreach' | 'faultLeft' | 'endedBeforeFault' | 'score';
}

/** Replay a command log on a fresh state up to `endTick` (telling `onTick` how far it got). */
export function runLog(model: LineModel, seed: number, commands: readonly Command[], endTick: number, onTick?: (tick: number) => void): State {
  const s = createState(model, seed);
  for (const c of commands) {
    if (c.tick > endTick) break;
    advanceReporting(s, c.tick, onTick);
    apply(s, c);
  }
  advanceReporting(s, Math.max(endTick, s.tick), onTick);
  return s;
}

function stationOfCommand(c: Command): string | null {
  return 'station' in c ? c.station : null;
}

/**
 * The actions that show a student noticed something at a station: not a hint, a speed, what the
 * instructor did, or a panel opened (looking is not yet acting: a student clicking through the
 * stations has not noticed the fault).
 */
export function isAttention(c: Command): boolean {
  return c.type !== 'hint' && c.type !== 'setSpeed' && c.type !== 'injectFault' && c.type !== 'instructorMessage' && c.type !== 'openPanel';
}

/**
 * A check of the wrong kind finds nothing about a fault (a tool inspection at a filler whose
 * lubrication leaks): it is a look at the machine, not a sign that the student noticed. A check
 * counts when its result bore on a fault active there; other commands count as they are.
 */
function bearsOnAFault(checks: readonly { readonly tick: number; readonly station: string; readonly check: string; readonly relevant: boolean }[], c: Command): boolean {
  if (c.type !== 'check') return true;
  // A station does one task at a time: the first check of this kind done there after it was asked.
  const done = checks.find((x) => x.tick >= c.tick && x.station === c.station && x.check === c.check);
  return done?.relevant ?? false;
}

function firstBackRunning(log: readonly LogEntry[], station: string, from: number): number | null {
  for (const e of log) {
    if (e.kind === 'state' && e.station === station && e.tick >= from && isRunning(e.to)) return e.tick;
  }
  return null;
}

/**
 * The station's PackML state once everything at `tick` has happened: where its last change by
 * then led, or where its next change came from (the log keeps only its latest entries), or,
 * with no change in the log at all, the state it ended in (`now`).
 */
function packAfter(log: readonly LogEntry[], station: string, tick: number, now: number): number {
  let pack: number | null = null;
  for (const e of log) {
    if (e.kind !== 'state' || e.station !== station) continue;
    if (e.tick > tick) return pack ?? e.from;
    pack = e.to;
  }
  return pack ?? now;
}

/**
 * When the right repair was chosen: the student named the cause then, not when its work was
 * done (a general repair takes 15 minutes, a bearing 45). The repair's own command, the last
 * one of that repair at that station before it was done.
 */
function chosenAt(accepted: readonly Command[], right: { readonly tick: number; readonly station: string; readonly action: string }): number {
  let at = right.tick;
  for (const c of accepted) {
    if (c.tick > right.tick) break;
    if (c.type === 'repair' && c.action === right.action && c.station === right.station) at = c.tick;
  }
  return at;
}

/** Background faults (random breakdowns repaired automatically) are part of the line, not of the exercise. */
function isExercise(model: LineModel, fi: number): boolean {
  const f = model.faults[fi]!;
  return !(f.type === 'breakdown' && f.repair === 'auto' && f.trigger.kind === 'random');
}

/** 100 less the points lost, kept within 0..100, to one decimal. */
function scoreOf(penalties: readonly Penalty[]): number {
  const total = penalties.reduce((a, x) => a + x.points, 0);
  return Math.round(Math.max(0, Math.min(100, 100 - total)) * 10) / 10;
}

/** Penalties only the end of a run decides (not counted in the score so far). */
const DECIDED_AT_THE_END: ReadonlySet<PenaltyKey> = new Set<PenaltyKey>(['orderShort', 'endedBeforeFault', 'notFixed']);

/**
 * The score of a run still going, for those who watch it: what its mistakes and its delays past
 * the targets have cost so far. Not what only the end decides: the customer order, due at the
 * shift's end (counted now, the rush order's run read "3.5 so far" at 00:20 for the 190 cases
 * the shift had not yet had time to make), and a fault not fixed yet (counted now, the jam's run
 * read "70 so far" two minutes after the jam while the student was locking the belt out; a fault
 * left standing still costs its minutes past each target as they pass).
 */
export function scoreSoFar(a: Assessment): number {
  // Nor is a run that has not yet reached its fault one ended before it.
  return scoreOf(a.penalties.filter((p) => !DECIDED_AT_THE_END.has(p.key)));
}

export function assess(
  model: LineModel,
  seed: number,
  commands: readonly Command[],
  endTick: number,
  rules: ScoringRules = DEFAULT_SCORING,
  progress?: Progress,
): Assessment {
  // Two passes of the whole run: the student's, then the fault-free twin's.
  const s = runLog(model, seed, commands, endTick, byTick(part(progress, 0, 0.5), endTick));
  const twin = createState(model, seed, { withoutFaults: true });
  advanceReporting(twin, endTick, byTick(part(progress, 0.5, 1), endTick));
  const sec = (ticks: number) => ticks / TICKS_PER_SECOND;
  const accepted: Command[] = [];
  let rejected = 0;
  const alarmStation = new Map(model.alarms.map((a) => [a.id, model.stations[a.station]!.id]));
  const acks: { tick: number; station: string | null }[] = [];
  for (const e of s.log) {
    if (e.kind !== 'command') continue;
    if (e.accepted) accepted.push(e.command);
    else rejected += 1;
    if (e.accepted && e.command.type === 'ackAlarm') acks.push({ tick: e.tick, station: alarmStation.get(e.command.alarm) ?? null });
  }
  const faults: FaultAssessment[] = [];
  model.faults.forEach((spec, fi) => {
    const f = s.faults[fi]!;
    if (f.onset < 0 || !isExercise(model, fi)) return;
    const station = spec.station >= 0 ? model.stations[spec.station]!.id : null;
    const here = (st: string | null) => station === null || st === null || st === station;
    // A master part measured at a gauge downstream is a look at the machine's parts (the tool-wear
    // drill's SPC chart is the final inspection's): it shows the fault noticed as one at the machine.
    const atGauge = (c: Command) => c.type === 'check' && c.check === 'masterPart' && measuresPartsOf(model, model.stations.findIndex((x) => x.id === c.station), spec.station);
    let detect: number | null = null;
    for (const c of accepted) {
      if (c.tick < f.onset || !isAttention(c) || !bearsOnAFault(s.truth.checks, c)) continue;
      const st = c.type === 'ackAlarm' || c.type === 'shelveAlarm' ? (alarmStation.get(c.alarm) ?? null) : stationOfCommand(c);
      if (here(st) || atGauge(c)) {
        detect = c.tick;
        break;
      }
    }
    const diag = s.truth.diagnoses.find((d) => d.fault === spec.id && d.correct && d.tick >= f.onset);
    const right = s.truth.rightRepairs.find((r) => r.fault === spec.id && r.tick >= f.onset);
    const diagnosed = Math.min(diag?.tick ?? Number.MAX_SAFE_INTEGER, right === undefined ? Number.MAX_SAFE_INTEGER : chosenAt(accepted, right));
    const resolved = f.phase === 'resolved' || (f.phase === 'pending' && f.resolvedAt >= 0);
    let restored: number | null = null;
    if (resolved) {
      // Restored is producing again: the fix, if the station runs then; else its restart. A
      // sensor replaced on a stopped mill read "restored after 15 min" while the mill stood
      // until the student started it 11 minutes later (and a restore objective was met by it).
      const stillRunning = station === null || isRunning(packAfter(s.log, station, f.resolvedAt, s.stations[spec.station]!.pack));
      restored = stillRunning ? f.resolvedAt : firstBackRunning(s.log, station, f.resolvedAt);
    }
    faults.push({
      id: spec.id,
      type: spec.type,
      station,
      onsetSeconds: sec(f.onset),
      detectSeconds: detect === null ? null : sec(detect - f.onset),
      diagnoseSeconds: diagnosed === Number.MAX_SAFE_INTEGER ? null : sec(diagnosed - f.onset),
      restoreSeconds: restored === null ? null : sec(restored - f.onset),
      resolved,
      wrongRepairs: s.truth.wrongRepairs.filter((w) => w.tick >= f.onset && here(w.station)).length,
    });
  });

  const penalties: Penalty[] = [];
  const p = rules.penalties;
  // Something never done counts as late until the end of the run.
  const push = (key: PenaltyKey, reason: string, params: Record<string, string | number>, points: number) => penalties.push({ key, reason, params, points });
  const WORDS = { detect: 'detected', diagnose: 'diagnosed', restore: 'restored' } as const;
  const late = (what: 'detect' | 'diagnose' | 'restore', seconds: number | null, target: number, f: FaultAssessment) => {
    const taken = seconds ?? sec(endTick) - f.onsetSeconds;
    const over = Math.max(0, taken - target);
    if (over <= 0) return;
    const minutes = Math.round(over / 60);
    const points = (over / 60) * p.perMinuteLate;
    if (seconds === null) push('never', `${f.id}: not ${WORDS[what]} (${minutes} min past the target)`, { fault: f.id, what, minutes }, points);
    // Under a minute over is said in seconds ("0 min over the target" read as a contradiction).
    else if (over < 60) push('lateSeconds', `${f.id}: ${WORDS[what]} ${Math.round(over)} s over the target`, { fault: f.id, what, seconds: Math.round(over) }, points);
    else push('late', `${f.id}: ${WORDS[what]} ${minutes} min over the target`, { fault: f.id, what, minutes }, points);
  };
  for (const f of faults) {
    late('detect', f.detectSeconds, rules.targets.detect, f);
    late('diagnose', f.diagnoseSeconds, rules.targets.diagnose, f);
    late('restore', f.restoreSeconds, rules.targets.restore, f);
    if (!f.resolved) push('notFixed', `${f.id}: not fixed`, { fault: f.id }, p.unresolvedFault);
  }
  const wrong = s.truth.wrongRepairs;
  if (wrong.length > 0) push('wrongRepairs', `${count(wrong.length, 'repair', 'repairs')} that fixed nothing`, { n: wrong.length }, wrong.length * p.wrongRepair);
  const unneeded = s.truth.checks.filter((c) => !c.relevant).length;
  if (unneeded > 0) push('unneededChecks', `${unneeded} unneeded ${unneeded === 1 ? 'check' : 'checks'}`, { n: unneeded }, unneeded * p.unneededCheck);
  const hints = s.truth.hints.length;
  if (hints > 0) push('hints', `${count(hints, 'hint', 'hints')} used`, { n: hints }, hints * p.hint);
  const lost = Math.max(0, twin.line.good - s.line.good);
  if (lost > 0) push('lostParts', `${lost} good ${lost === 1 ? 'part' : 'parts'} lost against a fault-free shift`, { n: lost }, lost * p.lostPart);
  const extraScrap = Math.max(0, s.line.scrap - twin.line.scrap);
  if (extraScrap > 0) push('extraScrap', `${extraScrap} extra scrap ${extraScrap === 1 ? 'part' : 'parts'}`, { n: extraScrap }, extraScrap * p.scrapPart);
  const order = rules.order;
  const short = order === null ? 0 : Math.max(0, order.goodParts - s.line.good);
  if (order !== null && short > 0) push('orderShort', `customer order short by ${short} of ${order.goodParts}`, { n: short, due: order.goodParts }, short * order.perPartShort);
  const breaches = s.truth.safetyBreaches;
  // A fault left standing longer than the restore target fails the drill: waiting it out is
  // not a fix, and neither is ending the drill early with the fault still there. At the end of
  // the shift, one that began too late to fix in time does not count.
  const endedEarly = endTick < model.durationTicks;
  const overdue = faults.filter((f) => !f.resolved && (endedEarly || sec(endTick) - f.onsetSeconds > rules.targets.restore));
  const states = new Map<number, State>();
  const stateAt = (tick: number) => {
    let at = states.get(tick);
    if (at === undefined) {
      at = runLog(model, seed, commands, tick);
      states.set(tick, at);
    }
    return at;
  };
  const objectives = judgeObjectives(rules.objectives, { model, seed, state: s, stateAt, faults, acks, order, commands });
  // Ended before a fault the drill is about had begun, a run has nothing to be judged on: it
  // scored 100 and passed, ended at 00:21 before the robot drill's fault, "objectives met: 1 of 3".
  const notYet = endedEarly && (objectives.some((o) => o.outcome === 'noFault') || (faults.length === 0 && model.faults.length > 0));
  // Nor does it earn points: at 100 it stood as the student's "best score" of a drill never
  // played (library, class results); what it did before the end is in the list of penalties.
  if (notYet) push('endedBeforeFault', 'ended before the fault the drill is about had begun: nothing to judge', {}, 100);
  const score = scoreOf(penalties);
  // A safety breach fails the run whatever else happened (DOMAIN §8).
  const decidedBy =
    breaches.length > 0 ? 'safetyBreach' : overdue.length > 0 ? 'faultLeft' : notYet ? 'endedBeforeFault' : score < rules.passScore ? 'score' : 'passed';
  return {
    score,
    passed: decidedBy === 'passed',
    decidedBy,
    objectives,
    passScore: rules.passScore,
    faults,
    wrongRepairs: wrong.map((w) => ({ tick: w.tick, station: w.station, action: w.action })),
    unneededChecks: unneeded,
    safetyBreaches: breaches.slice(),
    hints,
    goodParts: s.line.good,
    possibleGoodParts: twin.line.good,
    productionLost: lost,
    scrapParts: s.line.scrap,
    penalties,
    rejectedCommands: rejected,
  };
}
