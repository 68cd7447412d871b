/**
 * Commands and timeline markers in the user's language: the replay timeline, the compare view
 * and the sessions list all describe the same things the same way.
 */
import type { Command } from '../engine';
import type { Marker } from '../session/replay-index';
import type { TextKey } from '../i18n';
import { atStation, type Names, refusalMessage } from '../i18n/names';
import { stateName } from '../i18n/station-text';

type T = (key: TextKey, vars?: Record<string, string | number>) => string;

/** A command in words, and how it came when not from our screens ("… (OPC UA)"). */
export function describeCommand(c: Command, t: T, names: Names): string {
  const what = describeWhat(c, t, names);
  return c.via === undefined ? what : `${what} (${c.via === 'opcua' ? 'OPC UA' : 'MQTT'})`;
}

/** A repair or check under way or done, with what it is aimed at: "Replace sensor (Measured dimension)". */
export function describeTask(kind: 'repair' | 'check', action: string, target: string, station: string, t: T, names: Names): string {
  const name = kind === 'repair' ? t(`repair.${action}` as TextKey) : names.check(action, station);
  return action === 'quarantineLot' && target !== '' ? `${name} (${target})` : `${name}${sensorNote(target, t)}`;
}

/** " (Measured dimension)": the sensor a check, a repair or a diagnosis names, or nothing. */
export function sensorNote(sensor: string | undefined, t: T): string {
  return sensor ? ` (${t(`sensor.${sensor}` as TextKey)})` : '';
}

function describeWhat(c: Command, t: T, names: Names): string {
  const at = (id: string) => names.station(id);
  switch (c.type) {
    case 'packml':
      return `${at(c.station)}: ${t(`cmd.${c.command}` as TextKey)}`;
    case 'eStop':
      return t('cmd.eStop');
    case 'releaseEStop':
      return t('cmd.releaseEStop');
    case 'lockOut':
      return `${at(c.station)}: ${t('faceplate.lockOut')}`;
    case 'removeLockOut':
      return `${at(c.station)}: ${t('faceplate.removeLockOut')}`;
    case 'check':
      return `${at(c.station)}: ${describeTask('check', c.check, c.sensor ?? '', c.station, t, names)}`;
    case 'repair':
      return `${at(c.station)}: ${t(`repair.${c.action}` as TextKey)}${sensorNote(c.sensor, t)}${c.lot ? ` (${c.lot})` : ''}`;
    case 'setSpeed':
      return `${at(c.station)}: ${t('faceplate.speed')} ${c.percent} %`;
    case 'ackAlarm':
      return `${t('alarms.ack')}: ${names.alarm(c.alarm)}`;
    case 'shelveAlarm':
      return `${t('replay.shelve')}: ${names.alarm(c.alarm)} (${Math.round(c.seconds / 60)} min)`;
    case 'unshelveAlarm':
      return `${t('replay.unshelve')}: ${names.alarm(c.alarm)}`;
    case 'diagnose':
      return `${at(c.station)}: ${t('replay.diagnosis')} ${t(`cause.${c.cause}` as TextKey)}${sensorNote(c.sensor, t)}`;
    case 'hint':
      return t('replay.hint');
    case 'injectFault':
      return t('replay.injected', { fault: names.fault(c.fault) });
    case 'instructorMessage':
      return t('replay.message', { text: c.text });
    case 'openPanel':
      return t('replay.openPanel', { station: names.station(c.station) });
    case 'report':
      return t('replay.report', { station: names.station(c.station), value: `${(c.value * 100).toFixed(1)} %` });
  }
}

export function describeMarker(m: Marker, t: T, names: Names): string {
  switch (m.kind) {
    case 'fault':
      return `${t(m.edge === 'onset' ? 'replay.faultStarts' : 'replay.faultEnds')}: ${names.causeAt(m.type, m.station)}`;
    case 'alarm':
      return `${t('replay.alarm')}: ${names.alarm(m.alarm)} (${t(`priority.${m.priority}` as TextKey)})`;
    case 'command':
      return `${describeCommand(m.command, t, names)}${m.accepted ? '' : ` — ${t('faceplate.refused')}: ${m.refusal ? refusalMessage(m.refusal, names, t) : m.reason}`}`;
    case 'state':
      return `${names.station(m.station)} → ${stateName({ state: m.to, stateName: String(m.to) }, t)}`;
    case 'score':
      return atStation(t(`replay.score.${m.what}` as TextKey), m.station ? names.station(m.station) : null, t);
  }
}
