/**
 * Proof that a drill works, before anyone plays it: the four proofs tests/curriculum makes for
 * every shipped drill, as one function the scenario editor's *Check drill* runs too.
 *  1. each fault can be noticed (an alarm, a state change, a reading out of range, an SPC rule,
 *     scrap or lost output) by the detection target after it begins;
 *  2. doing nothing fails;
 *  3. the reference response (given, or the technician's with the accepted fix) fixes every
 *     fault, breaks no safety rule, meets every objective and passes;
 *  4. the tempting wrong fix scores lower and fails.
 * Each finding is a message key with values (for the screen's language) and the same in English.
 */
import { type Command, type LineModel, TICKS_PER_SECOND } from '../engine';
import type { ScenarioFile } from '../scenario';
import { type Assessment, assess } from './assess';
import { scoringRules } from './rules';
import { type FaultSymptoms, findSymptoms, faultStation, type Symptom } from './symptoms';
import { respond, temptingFix } from './technician';

export const PROOF_KEYS = ['noticeable', 'idleFails', 'referencePasses', 'wrongScoresLower'] as const;
export type ProofKey = (typeof PROOF_KEYS)[number];

/** What the check found, in English: `{name}` stands for a value of the finding's params. */
export const FINDING_TEXT = {
  noFaults: 'The drill has no faults: there is nothing to notice or fix',
  shows: 'The fault on {station} shows {after} after it begins: {symptoms}',
  notNoticeable: 'The fault on {station} produces no alarm, no state change and no SPC signal before the detection target ({target}): a student cannot notice it',
  showsLate: 'The fault on {station} first shows {after} after it begins ({symptoms}), later than the detection target ({target})',
  neverStarts: 'The fault on {station} never begins in a run where nobody acts',
  idleFails: 'Doing nothing fails ({score}/100)',
  idlePasses: 'Doing nothing passes ({score}/100): the drill does not need the student',
  idleMeets: 'Doing nothing already meets objective {objective}',
  referencePasses: 'The accepted fix passes ({score}/100)',
  referenceFails: 'The accepted fix does not pass ({score}/100, pass mark {pass})',
  referenceLeaves: 'The accepted fix leaves the fault on {station} unfixed',
  referenceBreach: 'The accepted fix breaks a safety rule at {station}: {what}',
  referenceRefused: 'The line refused {count} of the accepted response’s commands',
  referenceMisses: 'The accepted fix does not meet objective {objective}: {reason}',
  wrongLower: 'The tempting wrong fix ({repairs}) scores lower ({wrong} against {right}) and fails',
  wrongNotLower: 'The tempting wrong fix ({repairs}) scores {wrong}, not lower than the accepted fix ({right})',
  wrongPasses: 'The tempting wrong fix ({repairs}) still passes ({wrong}/100)',
  wrongNotTried: 'The tempting wrong fix ({repairs}) was never carried out as a repair that fixes nothing: the line refused it, or it is one of the accepted fixes',
} as const;
export type FindingKey = keyof typeof FINDING_TEXT;

export interface Finding {
  readonly key: FindingKey;
  /** Station ids, repair and symptom names as the scenario and engine spell them; times in seconds. */
  readonly params: Readonly<Record<string, string | number>>;
  /** True where it makes the proof fail. */
  readonly problem: boolean;
  readonly text: string;
}

export interface Proof {
  readonly key: ProofKey;
  readonly ok: boolean;
  readonly findings: readonly Finding[];
}

export interface FaultCheck extends FaultSymptoms {
  readonly station: string | null;
  /** Ticks after the onset by which it must show (the detection target). */
  readonly target: number;
}

export interface DrillProof {
  readonly ok: boolean;
  readonly proofs: readonly Proof[];
  readonly faults: readonly FaultCheck[];
  readonly idle: Assessment;
  readonly reference: Assessment;
  readonly wrong: Assessment | null;
  /** The responses judged: given by the caller, or the technician's. */
  readonly responses: { readonly reference: readonly Command[]; readonly wrong: readonly Command[]; readonly generated: boolean };
}

export interface ProveOptions {
  /** A scripted good response and wrong response (tests/solutions); else the technician's. */
  readonly reference?: readonly Command[];
  readonly wrong?: readonly Command[];
  /** Told the share done (0 to 1) as the proof goes. */
  readonly onProgress?: (done: number) => void;
}

function words(key: FindingKey, params: Record<string, string | number>): string {
  return FINDING_TEXT[key].replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = params[k];
    if (v === undefined) return m;
    return typeof v === 'number' && (k === 'after' || k === 'target') ? duration(v) : String(v);
  });
}

/** Seconds as a technician says them: "45 s", "12 min", "1 h 30 min". */
export function duration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const min = Math.round(seconds / 60);
  return min < 60 ? `${min} min` : `${Math.floor(min / 60)} h${min % 60 === 0 ? '' : ` ${min % 60} min`}`;
}

function finding(key: FindingKey, params: Record<string, string | number>, problem: boolean): Finding {
  return { key, params, problem, text: words(key, params) };
}

/** The symptoms seen, as the student-visible facts they are ("alarm M1.stopped", "M1 Held"). */
export function symptomList(seen: readonly Symptom[]): string {
  return seen
    .map((x) => {
      switch (x.kind) {
        case 'alarm':
          return `alarm ${x.detail}`;
        case 'state':
          return `${x.station} ${x.detail}`;
        case 'sensor':
          return `${x.detail} out of its normal range`;
        case 'trend':
          return `${x.detail} drifting`;
        case 'spc':
          return `SPC ${x.detail} at ${x.station}`;
        case 'scrap':
          return 'scrap rising';
        case 'output':
          return 'output falling';
      }
    })
    .join(', ');
}

/** A manual fault started a quarter into the run, as an instructor would, so it can be proven. */
function manualStarts(sc: ScenarioFile, model: LineModel): Command[] {
  const at = Math.floor(model.durationTicks / 4);
  return (sc.faults ?? []).filter((f) => f.trigger !== undefined && 'manual' in f.trigger).map((f) => ({ type: 'injectFault' as const, tick: at, fault: f.id }));
}

function noticeable(model: LineModel, symptoms: readonly FaultSymptoms[], targetTicks: number): { proof: Proof; faults: FaultCheck[] } {
  const findings: Finding[] = [];
  const faults: FaultCheck[] = symptoms.map((x, fi) => {
    const at = faultStation(model, fi);
    return { ...x, station: at >= 0 ? model.stations[at]!.id : null, target: targetTicks };
  });
  if (faults.length === 0) findings.push(finding('noFaults', {}, true));
  const target = targetTicks / TICKS_PER_SECOND;
  for (const f of faults) {
    const station = f.station ?? 'the line';
    if (f.onset < 0) {
      findings.push(finding('neverStarts', { station }, true));
      continue;
    }
    const after = f.first === null ? null : (f.first.tick - f.onset) / TICKS_PER_SECOND;
    if (f.first === null) findings.push(finding('notNoticeable', { station, target }, true));
    else if (after !== null && after > target) findings.push(finding('showsLate', { station, after, target, symptoms: symptomList([f.first]) }, true));
    else findings.push(finding('shows', { station, after: after ?? 0, symptoms: symptomList(f.seen) }, false));
  }
  return { proof: { key: 'noticeable', ok: findings.every((x) => !x.problem), findings }, faults };
}

function repairsIn(log: readonly Command[]): string {
  const names = [...new Set(log.flatMap((c) => (c.type === 'repair' ? [c.action] : [])))];
  return names.join(', ') || 'no repair';
}

export function proveDrill(sc: ScenarioFile, model: LineModel, options: ProveOptions = {}): DrillProof {
  const rules = scoringRules(sc);
  const end = model.durationTicks;
  const seed = sc.seed;
  const progress = options.onProgress ?? (() => undefined);
  const given = options.reference !== undefined;
  const manual = given ? options.reference!.filter((c) => c.type === 'injectFault') : manualStarts(sc, model);
  const target = Math.round(rules.targets.detect * TICKS_PER_SECOND);

  const symptoms = findSymptoms(model, seed, manual, target);
  progress(0.2);
  const { proof: p1, faults } = noticeable(model, symptoms, target);

  const idle = assess(model, seed, manual, end, rules);
  progress(0.35);
  const idleFindings: Finding[] = [finding(idle.passed ? 'idlePasses' : 'idleFails', { score: idle.score }, idle.passed)];
  for (const v of idle.objectives) if (v.judged && v.met) idleFindings.push(finding('idleMeets', { objective: v.index + 1 }, false));
  const p2: Proof = { key: 'idleFails', ok: !idle.passed, findings: idleFindings };

  const noticedAfter = new Map(symptoms.map((x) => [x.fault, x.first === null || x.onset < 0 ? 0 : x.first.tick - x.onset]));
  const referenceLog = options.reference ?? respond(sc, model, seed, 'reference', noticedAfter, manual);
  progress(0.5);
  const reference = assess(model, seed, referenceLog, end, rules);
  progress(0.65);
  const refFindings: Finding[] = [];
  if (!reference.passed) refFindings.push(finding('referenceFails', { score: reference.score, pass: reference.passScore }, true));
  for (const f of reference.faults) if (!f.resolved) refFindings.push(finding('referenceLeaves', { station: f.station ?? 'the line' }, true));
  for (const b of reference.safetyBreaches) refFindings.push(finding('referenceBreach', { station: b.station, what: b.what }, true));
  if (reference.rejectedCommands > 0) refFindings.push(finding('referenceRefused', { count: reference.rejectedCommands }, true));
  for (const v of reference.objectives) if (v.judged && !v.met) refFindings.push(finding('referenceMisses', { objective: v.index + 1, reason: v.reason }, true));
  if (refFindings.length === 0) refFindings.push(finding('referencePasses', { score: reference.score }, false));
  const p3: Proof = { key: 'referencePasses', ok: refFindings.every((x) => !x.problem), findings: refFindings };

  const wrongLog = options.wrong ?? (model.faults.length === 0 ? [] : respond(sc, model, seed, 'wrong', noticedAfter, manual));
  progress(0.8);
  const wrong = model.faults.length === 0 ? null : assess(model, seed, wrongLog, end, rules);
  progress(1);
  const repairs = given ? repairsIn(wrongLog) : [...new Set(model.faults.map((_, fi) => temptingFix(sc, model, fi)))].join(', ');
  const wrongFindings: Finding[] = [];
  if (wrong !== null) {
    const params = { repairs, wrong: wrong.score, right: reference.score };
    if (wrong.score >= reference.score) wrongFindings.push(finding('wrongNotLower', params, true));
    if (wrong.passed) wrongFindings.push(finding('wrongPasses', params, true));
    if (wrong.wrongRepairs.length === 0) wrongFindings.push(finding('wrongNotTried', params, true));
    if (wrongFindings.length === 0) wrongFindings.push(finding('wrongLower', params, false));
  }
  const p4: Proof = { key: 'wrongScoresLower', ok: wrong !== null && wrongFindings.every((x) => !x.problem), findings: wrongFindings };
  const proofs = [p1, p2, p3, p4];
  return {
    ok: proofs.every((p) => p.ok),
    proofs,
    faults,
    idle,
    reference,
    wrong,
    responses: { reference: referenceLog, wrong: wrongLog, generated: !given },
  };
}
