/**
 * The names a screen shows for the ids that commands, logs and markers carry: a station's
 * name in the reader's language (from the scenario file), an alarm's message, a fault's
 * description. Ids stay in files and tooltips; a student reads names.
 */
import { type AlarmText, completionOf, isActing, type LineModel, type PackCommand, type PackState, type Refusal, type RefusalKey, transition } from '../engine';
import { type ScenarioFile, textOf } from '../scenario';
import { hasText, type Language, type TextKey } from './index';

type T = (key: TextKey, vars?: Record<string, string | number>) => string;

export interface Names {
  station(id: string): string;
  alarm(id: string): string;
  fault(id: string): string;
  /** A check by its name at a station: a robot's tool is its gripper. */
  check(kind: string, station: string | null): string;
  /** A fault's cause where it happened, by the station's id: "Breakdown at Mill M1". */
  causeAt(type: string, station: string | null): string;
}

/** "Breakdown at Mill M1" / "Havari på Fres M1": a cause where it happened, in words (it read "Breakdown @ Mill M1"). */
export function atStation(what: string, station: string | null, t: T): string {
  return station ? t('fault.at', { what, station }) : what;
}

/** Names from a scenario (and its compiled model, for the alarms the defaults add). */
export function namesOf(sc: ScenarioFile | null, model: LineModel | null, t: T, lang: Language): Names {
  const stations = new Map<string, string>();
  for (const s of sc?.line.stations ?? []) stations.set(s.id, textOf(s.name, lang) || s.id);
  const station = (id: string) => stations.get(id) ?? id;
  const alarms = new Map<string, string>();
  for (const rule of model?.alarms ?? []) alarms.set(rule.id, alarmText(rule.text, model!.stations[rule.station]!.id, station, t, lang));
  const causeAt = (type: string, at: string | null) => atStation(t(`cause.${type}` as TextKey), at === null ? null : station(at), t);
  const faults = new Map<string, string>();
  for (const f of sc?.faults ?? []) {
    faults.set(f.id, causeAt(f.type, f.station ?? null));
  }
  const robots = new Set((sc?.line.stations ?? []).filter((s) => s.type === 'assembly').map((s) => s.id));
  const check = (kind: string, at: string | null) => t(checkKey(kind, at !== null && robots.has(at)));
  return { station, alarm: (id) => alarms.get(id) ?? id, fault: (id) => faults.get(id) ?? id, check, causeAt };
}

/** The text of a check by its kind: a robot's tool is its gripper. An unknown kind keeps its own key (t shows it as is). */
export function checkKey(kind: string, robot: boolean): TextKey {
  return (kind === 'inspectTool' && robot ? 'check.inspectGripper' : `check.${kind}`) as TextKey;
}

/** An alarm's message in the reader's language. */
export function alarmText(text: AlarmText, stationId: string, station: (id: string) => string, t: T, lang: Language): string {
  if (text.kind === 'custom') return (lang === 'nb' ? text.nb : null) ?? text.en;
  const sensor = text.sensor !== null && hasText(`sensor.${text.sensor}`) ? t(`sensor.${text.sensor}` as TextKey).toLowerCase() : (text.sensor ?? '');
  return t(`alarmText.${text.kind}` as TextKey, { station: station(stationId), sensor });
}

/**
 * What a screen reader says when an alarm rises: its priority, the station and the message, the
 * station once. The standard texts name it ("Mill M1 stopped unexpectedly"); a scenario's own
 * often lead with its tag ("M1: drive not ready"): either is said as it is.
 */
export function alarmAnnouncement(
  a: { readonly text: AlarmText; readonly station: string; readonly priority: string },
  station: (id: string) => string,
  t: T,
  lang: Language,
): string {
  const name = station(a.station);
  const message = alarmText(a.text, a.station, station, t, lang);
  const priority = t(`priority.${a.priority}` as TextKey);
  const named = message.includes(name) || message.startsWith(`${a.station}:`);
  return named ? t('alarms.announceNamed', { priority, message }) : t('alarms.announce', { priority, station: name, message });
}

/** A refused command's reason in the reader's language. */
export function refusalMessage(r: Refusal, names: Names, t: T): string {
  const waited = waitMessage(r, t);
  if (waited !== null) return waited;
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r.params)) {
    if (k === 'station') vars[k] = names.station(String(v));
    else if (k === 'state') vars[k] = hasText(`pack.${v}`) ? t(`pack.${v}` as TextKey) : String(v);
    else if (k === 'sensor' && hasText(`sensor.${v}`)) vars[k] = t(`sensor.${v}` as TextKey).toLowerCase();
    else if (k === 'sensors')
      vars[k] = String(v)
        .split(', ')
        .map((x) => (hasText(`sensor.${x}`) ? t(`sensor.${x}` as TextKey).toLowerCase() : x))
        .join(', ');
    else vars[k] = v;
  }
  return t(`refusal.${r.key}` as TextKey, vars);
}

/** The command a "works from …" refusal was given for. */
const REFUSED_COMMAND: Partial<Record<RefusalKey, PackCommand>> = {
  resetFrom: 'reset',
  startFrom: 'start',
  clearFrom: 'clear',
  holdFrom: 'hold',
  unholdFrom: 'unhold',
  suspendFrom: 'suspend',
  unsuspendFrom: 'unsuspend',
};

/**
 * A command refused mid-way through a transition that ends where it would work (Start while
 * Resetting, Reset while Clearing) needs a moment, not another step: "Start works from Idle
 * (Reset first)" told a student who had just pressed Reset to press it again.
 */
function waitMessage(r: Refusal, t: T): string | null {
  const command = REFUSED_COMMAND[r.key];
  const state = r.params.state;
  if (command === undefined || typeof state !== 'number' || !isActing(state)) return null;
  const next = completionOf(state as PackState);
  if (!('to' in transition(next, command))) return null;
  const name = (code: number) => (hasText(`pack.${code}`) ? t(`pack.${code}` as TextKey) : String(code));
  return t('refusal.waitActing', { state: name(state), next: name(next) });
}
