/**
 * The debrief's sentences in the reader's language: each objective's verdict with its
 * evidence, each lost point, and why the run passed or not.
 */
import type { Assessment, FaultAssessment, ObjectiveVerdict, Penalty } from '../assessment';
import type { ScenarioFile } from '../scenario';
import { clock, minutes, pct, scoreText } from './format';
import type { Language, TextKey } from '../i18n';
import type { Names } from '../i18n/names';
import type { Marker } from '../session/replay-index';

type T = (key: TextKey, vars?: Record<string, string | number>) => string;

const TIMED = new Set(['acknowledgeWithin', 'detectWithin', 'diagnoseWithin', 'restoreWithin']);

function values(params: Readonly<Record<string, string | number>>, t: T, lang: Language, names?: Names): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'number' && (k === 'after' || k === 'limit')) out[k] = minutes(v, lang);
    else if (typeof v === 'number' && k === 'at') out[k] = clock(v);
    else if (typeof v === 'number' && (k === 'value' || k === 'actual' || k === 'tolerance')) out[k] = pct(v, lang);
    else if (k === 'check') out[k] = names ? names.check(String(v), typeof params.station === 'string' ? params.station : null) : t(`check.${v}` as TextKey);
    else if (k === 'action') out[k] = t(`repair.${v}` as TextKey);
    else if (k === 'via') out[k] = v === 'opcua' ? 'OPC UA' : 'MQTT';
    else out[k] = v;
  }
  return out;
}

export function verdictText(v: ObjectiveVerdict, t: T, lang: Language, names?: Names): string {
  if (!v.judged) return t('verdict.unjudged');
  const vars = values(v.params, t, lang, names);
  if (v.outcome === 'noFault') return t('verdict.noFault');
  if (TIMED.has(v.kind)) return t(`verdict.timed.${v.outcome}` as TextKey, { ...vars, what: t(`verdict.what.${v.kind}` as TextKey) });
  if (v.outcome === 'never' && Object.keys(v.params).length === 0 && v.kind !== 'fixWithoutWrongRepair') return t('verdict.notFixed');
  return t(`verdict.${v.kind}.${v.outcome}` as TextKey, vars);
}

export function penaltyText(p: Penalty, t: T, names: Names): string {
  const vars: Record<string, string | number> = { ...p.params };
  if (typeof p.params.fault === 'string') vars.fault = names.fault(p.params.fault);
  if (typeof p.params.what === 'string') vars.what = t(`penalty.what.${p.params.what}` as TextKey);
  return t(`penalty.${p.key}` as TextKey, vars);
}

/** One sentence: passed or not, and what decided it. */
export function decisionText(a: Assessment, t: T, lang: Language): string {
  const unmet = a.objectives.filter((o) => o.judged && !o.met).length;
  const judged = a.objectives.filter((o) => o.judged).length;
  const objectives = judged > 0 ? t('decision.objectives', { met: judged - unmet, of: judged }) : '';
  // "99,5 poeng" in Norsk: a score is a number in the reader's notation like every other.
  return `${t(`decision.${a.decidedBy}`, { score: scoreText(a.score, lang), pass: scoreText(a.passScore, lang) })}${objectives}`;
}

/**
 * Where a fault was, for the debrief's table: its station, or for one judged line-wide (a bad
 * lot) the station the file names (its source, as the penalties say it); '—' for a line-level
 * fault such as a power dip.
 */
export function faultWhere(f: Pick<FaultAssessment, 'id' | 'station'>, sc: Pick<ScenarioFile, 'faults'> | null, names: Names, t: T): string {
  const spec = sc?.faults?.find((x) => x.id === f.id);
  const id = f.station ?? spec?.station;
  if (id) return names.station(id);
  // The air header feeds every station with air: the fault is in the supply, not at one machine.
  if (spec?.type === 'airPressureDrop') return t('where.airSupply');
  // A power dip or an E-stop stops several stations: they are where it was ("—" read as unknown).
  const several = spec !== undefined && 'stations' in spec ? (spec.stations ?? []) : [];
  return several.length > 0 ? several.map((x) => names.station(x)).join(', ') : '—';
}

/**
 * Stations where Reset took effect more than once, with how often: a sign of restarting a
 * machine before its cause was found. A refused Reset changed nothing and is listed with the
 * refused commands already, so it is not counted here.
 */
export function repeatedResets(markers: readonly Marker[]): [station: string, times: number][] {
  const by = new Map<string, number>();
  for (const m of markers) if (m.kind === 'command' && m.accepted && m.command.type === 'packml' && m.command.command === 'reset') by.set(m.command.station, (by.get(m.command.station) ?? 0) + 1);
  return [...by].filter(([, n]) => n > 1);
}
