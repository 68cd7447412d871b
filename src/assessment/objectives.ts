/**
 * Each objective of a scenario judged from the run: met or not, with the evidence in numbers
 * ("acknowledged 6.5 min after the fault; the limit was 5 min"). An objective without a rule is
 * shown, not judged. Times in the verdict's values are seconds.
 */
import { advance, type Command, createState, kpis, type LineModel, StopReason, type State, TICKS_PER_SECOND } from '../engine';
import { type ObjectiveCheck, parseDuration } from '../scenario';
import type { FaultAssessment } from './fault-assessment';

/**
 * `noFault`: the fault the objective is about never happened in this run (it ended before).
 * `metBySetpoint`: a wrong parameter set back by hand (the speed setpoint), not by the repair task.
 */
export type VerdictOutcome = 'met' | 'metBySetpoint' | 'late' | 'never' | 'notMet' | 'noFault';

export interface ObjectiveVerdict {
  /** Position of the objective in the scenario's list. */
  readonly index: number;
  /** False for an objective without a rule: shown in the debrief, not judged. */
  readonly judged: boolean;
  readonly met: boolean;
  /** The rule's kind and how it came out: a message key for the screen. */
  readonly kind: ObjectiveCheck['kind'] | 'unjudged';
  readonly outcome: VerdictOutcome;
  readonly params: Readonly<Record<string, string | number>>;
  /** The same in English, for the CLI and files. */
  readonly reason: string;
}

export interface RunFacts {
  readonly model: LineModel;
  readonly seed: number;
  /** The run's state at its end (with the log and the hidden truth). */
  readonly state: State;
  /** The state of the same run at a tick (for counts at the moment of a fix). */
  readonly stateAt: (tick: number) => State;
  readonly faults: readonly FaultAssessment[];
  readonly acks: readonly { readonly tick: number; readonly station: string | null }[];
  readonly order: { readonly goodParts: number } | null;
  /** The run's commands, in order. */
  readonly commands: readonly Command[];
}

const TPS = TICKS_PER_SECOND;
const minutes = (seconds: number) => `${Math.round((seconds / 60) * 10) / 10} min`;

/** "1 repair", "2 repairs": the English texts (CSV, CLI) never write "repair(s)". */
export function count(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}
/** A moment of the run as the clock shows it: 00:50:42. */
const clock = (seconds: number) => {
  const x = Math.floor(seconds);
  return [Math.floor(x / 3600), Math.floor((x % 3600) / 60), x % 60].map((n) => String(n).padStart(2, '0')).join(':');
};

function within(check: { within: string | number }): number {
  return parseDuration(check.within) ?? 0;
}

/** The faults an objective is about: the one it names, or every exercise fault. */
function faultsFor(check: ObjectiveCheck, facts: RunFacts): FaultAssessment[] {
  const id = 'fault' in check ? check.fault : undefined;
  return facts.faults.filter((f) => id === undefined || f.id === id);
}

function faultIndex(facts: RunFacts, id: string): number {
  return facts.model.faults.findIndex((f) => f.id === id);
}

function resolvedTick(facts: RunFacts, f: FaultAssessment): number | null {
  const fi = faultIndex(facts, f.id);
  const at = facts.state.faults[fi]?.resolvedAt ?? -1;
  return f.resolved && at >= 0 ? at : null;
}

/** Extra scrap against a fault-free twin of the same seed, at a tick. */
function extraScrapAt(facts: RunFacts, tick: number): number {
  const twin = createState(facts.model, facts.seed, { withoutFaults: true });
  advance(twin, tick);
  return facts.stateAt(tick).line.scrap - twin.line.scrap;
}

type One = { met: boolean; outcome: VerdictOutcome; params: Record<string, string | number>; reason: string };

function timed(seconds: number | null, limit: number, what: string): One {
  if (seconds === null) return { met: false, outcome: 'never', params: { limit }, reason: `not ${what}; the limit was ${minutes(limit)}` };
  if (seconds <= limit) return { met: true, outcome: 'met', params: { after: seconds, limit }, reason: `${what} ${minutes(seconds)} after the fault (limit ${minutes(limit)})` };
  return { met: false, outcome: 'late', params: { after: seconds, limit }, reason: `${what} only ${minutes(seconds)} after the fault; the limit was ${minutes(limit)}` };
}

function judgeFault(check: ObjectiveCheck, f: FaultAssessment, facts: RunFacts): One {
  const s = facts.state;
  const onset = Math.round(f.onsetSeconds * TPS);
  const at = (station: string | null) => f.station === null || station === null || station === f.station;
  const fixed = resolvedTick(facts, f);
  switch (check.kind) {
    case 'acknowledgeWithin': {
      const ack = facts.acks.find((a) => a.tick >= onset && at(a.station));
      return timed(ack === undefined ? null : (ack.tick - onset) / TPS, within(check), 'acknowledged');
    }
    case 'detectWithin':
      return timed(f.detectSeconds, within(check), 'first action');
    case 'diagnoseWithin':
      return timed(f.diagnoseSeconds, within(check), 'diagnosed');
    case 'restoreWithin':
      return timed(f.restoreSeconds, within(check), 'producing again');
    case 'checkBeforeFix': {
      const done = s.truth.checks.find((c) => c.check === check.check && c.tick >= onset && at(c.station) && (fixed === null || c.tick <= fixed));
      // The station rides along so that the check can be named as it is there (a robot's tool is its gripper).
      const where = f.station === null ? {} : { station: f.station };
      if (done === undefined) return { met: false, outcome: 'never', params: { check: check.check, ...where }, reason: `no ${check.check} check before the fix` };
      const unsafe = check.lockedOut === true && s.truth.safetyBreaches.some((b) => b.tick >= onset && at(b.station) && b.what.startsWith('this check'));
      if (unsafe) return { met: false, outcome: 'notMet', params: { check: check.check, at: done.tick / TPS, ...where }, reason: `${check.check} check done without lock-out` };
      return { met: true, outcome: 'met', params: { check: check.check, at: done.tick / TPS, ...where }, reason: `${check.check} check done at ${clock(done.tick / TPS)}, before the fix` };
    }
    case 'fixUnderLockOut': {
      if (fixed === null) return { met: false, outcome: 'never', params: {}, reason: 'not fixed' };
      const breaches = s.truth.safetyBreaches.filter((b) => b.tick >= onset && at(b.station) && b.what.startsWith('this repair')).length;
      return breaches === 0
        ? { met: true, outcome: 'met', params: { at: fixed / TPS }, reason: `fixed at ${clock(fixed / TPS)}, every repair under lock-out` }
        : { met: false, outcome: 'notMet', params: { n: breaches }, reason: `${count(breaches, 'repair', 'repairs')} without lock-out` };
    }
    case 'fixWith': {
      const right = s.truth.rightRepairs.find((r) => r.fault === f.id && r.action === check.action);
      if (right === undefined) return { met: false, outcome: fixed === null ? 'never' : 'notMet', params: { action: check.action }, reason: fixed === null ? 'not fixed' : `fixed, but not by ${check.action}` };
      // The engine counts a speed setpoint set back to the approved value as restoring the
      // parameter; the verdict says what the student did (it named a repair never carried out).
      const byHand = facts.commands.find((c) => c.type === 'setSpeed' && c.tick === right.tick && c.station === right.station);
      if (byHand?.type === 'setSpeed')
        return { met: true, outcome: 'metBySetpoint', params: { percent: byHand.percent, at: right.tick / TPS }, reason: `fixed at ${clock(right.tick / TPS)}: speed setpoint back to the approved ${byHand.percent} %` };
      return { met: true, outcome: 'met', params: { action: check.action, at: right.tick / TPS }, reason: `fixed by ${check.action} at ${clock(right.tick / TPS)}` };
    }
    case 'fixBeforeScrap': {
      if (fixed === null) return { met: false, outcome: 'never', params: {}, reason: 'not fixed' };
      const extra = extraScrapAt(facts, fixed) - extraScrapAt(facts, onset);
      return extra <= 0
        ? { met: true, outcome: 'met', params: { at: fixed / TPS }, reason: `fixed at ${clock(fixed / TPS)}, before any extra scrap` }
        : { met: false, outcome: 'notMet', params: { n: extra, at: fixed / TPS }, reason: `${extra} extra scrap ${extra === 1 ? 'part' : 'parts'} before the fix at ${clock(fixed / TPS)}` };
    }
    case 'fixBeforeFailure': {
      const failure = s.log.find(
        (e) => e.kind === 'state' && e.tick >= onset && at(e.station) && (e.reason === StopReason.BearingFailure || e.reason === StopReason.LubricationFault),
      );
      if (failure !== undefined) return { met: false, outcome: 'notMet', params: { at: failure.tick / TPS }, reason: `it failed at ${clock(failure.tick / TPS)} and stopped the station` };
      if (fixed === null) return { met: false, outcome: 'never', params: {}, reason: 'not fixed' };
      return { met: true, outcome: 'met', params: { at: fixed / TPS }, reason: `fixed at ${clock(fixed / TPS)}, before it failed` };
    }
    case 'fixWithoutWrongRepair':
    case 'orderMet':
      return { met: false, outcome: 'notMet', params: {}, reason: '' };
    case 'reportFigure':
      return judgeReport(check, facts);
    case 'commandsVia': {
      if (f.restoreSeconds === null) return { met: false, outcome: 'never', params: { via: check.via }, reason: 'not producing again' };
      const back = onset + Math.round(f.restoreSeconds * TPS);
      const given = s.log.filter((e) => e.kind === 'command' && e.accepted && e.command.type === 'packml' && e.tick >= onset && e.tick <= back && at(e.command.station));
      const other = given.filter((e) => e.kind === 'command' && e.command.via !== check.via).length;
      if (given.length === 0) return { met: false, outcome: 'never', params: { via: check.via }, reason: `no PackML command through ${check.via}` };
      return other === 0
        ? { met: true, outcome: 'met', params: { via: check.via, n: given.length }, reason: `${given.length} PackML ${given.length === 1 ? 'command' : 'commands'}, all through ${check.via}` }
        : { met: false, outcome: 'notMet', params: { via: check.via, n: other }, reason: `${other} PackML ${other === 1 ? 'command' : 'commands'} not through ${check.via}` };
    }
  }
}

/** How far a reported figure may be from the engine's own when the objective does not say. */
export const DEFAULT_REPORT_TOLERANCE = 0.02;
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

function judgeReport(check: Extract<ObjectiveCheck, { kind: 'reportFigure' }>, facts: RunFacts): One {
  const tolerance = check.tolerance ?? DEFAULT_REPORT_TOLERANCE;
  let last: { tick: number; value: number } | null = null;
  for (const e of facts.state.log) {
    if (e.kind === 'command' && e.accepted && e.command.type === 'report' && e.command.figure === check.figure && e.command.station === check.station) last = { tick: e.tick, value: e.command.value };
  }
  if (last === null) return { met: false, outcome: 'never', params: { tolerance }, reason: `no ${check.figure} of ${check.station} reported` };
  const actual = kpis(facts.stateAt(last.tick)).stations.find((x) => x.id === check.station)?.oee?.oee ?? 0;
  // Fractions: a screen shows them as percentages in its language.
  const params = { value: last.value, actual, tolerance, at: last.tick / TPS };
  const words = `reported ${percent(last.value)} at ${clock(params.at)}`;
  return Math.abs(last.value - actual) <= tolerance
    ? { met: true, outcome: 'met', params, reason: `${words}; the line's own figure was ${percent(actual)}` }
    : { met: false, outcome: 'notMet', params, reason: `${words}, but the line's own figure was ${percent(actual)} (more than ${percent(tolerance)} apart)` };
}

function judge(check: ObjectiveCheck, facts: RunFacts): One {
  if (check.kind === 'reportFigure') return judgeReport(check, facts);
  if (check.kind === 'orderMet') {
    const made = facts.state.line.good;
    const due = facts.order?.goodParts ?? 0;
    return made >= due
      ? { met: true, outcome: 'met', params: { made, due }, reason: `${made} made, ${due} due` }
      : { met: false, outcome: 'notMet', params: { made, due, short: due - made }, reason: `${made} made, ${due} due: missed by ${due - made}` };
  }
  if (check.kind === 'fixWithoutWrongRepair') {
    const wrong = facts.state.truth.wrongRepairs.length;
    const open = facts.faults.filter((f) => !f.resolved).length;
    // A needless repair is what this objective is about: named first, fault fixed or not. A
    // student who replaced nothing but left the fault is told both ("Leave the healthy robot
    // alone — 1 fault not fixed" read as if the robot had been touched).
    if (wrong > 0) return { met: false, outcome: 'notMet', params: { n: wrong }, reason: `${count(wrong, 'repair', 'repairs')} that fixed nothing` };
    if (open > 0) return { met: false, outcome: 'never', params: { n: open }, reason: `no needless repair, but ${count(open, 'fault', 'faults')} not fixed` };
    // Nothing to fix yet is no fault fixed ("every fault fixed" in a run ended before the fault).
    if (facts.faults.length === 0 && facts.model.faults.length > 0) return { met: false, outcome: 'noFault', params: {}, reason: 'the fault did not happen in this run' };
    return { met: true, outcome: 'met', params: {}, reason: 'every fault fixed, no repair that fixed nothing' };
  }
  const faults = faultsFor(check, facts);
  if (faults.length === 0) return { met: false, outcome: 'noFault', params: {}, reason: 'the fault did not happen in this run' };
  // Every fault must meet it: report the first that does not, or the last that does.
  let last: One | null = null;
  for (const f of faults) {
    last = judgeFault(check, f, facts);
    if (!last.met) return last;
  }
  return last!;
}

export function judgeObjectives(checks: readonly (ObjectiveCheck | null)[], facts: RunFacts): ObjectiveVerdict[] {
  return checks.map((check, index) => {
    if (check === null) return { index, judged: false, met: false, kind: 'unjudged', outcome: 'notMet', params: {}, reason: 'not judged automatically' };
    const one = judge(check, facts);
    return { index, judged: true, met: one.met, kind: check.kind, outcome: one.outcome, params: one.params, reason: one.reason };
  });
}
