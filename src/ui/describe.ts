/**
 * Commands and timeline markers in the user's language: the replay timeline, the compare view
 * and the sessions list all describe the same things the same way.
 */
import type { Command } from '../engine';
import { PACK_NAMES } from '../engine';
import type { Marker } from '../session/replay-index';
import type { TextKey } from './i18n';

type T = (key: TextKey, vars?: Record<string, string | number>) => string;

export function describeCommand(c: Command, t: T): string {
  switch (c.type) {
    case 'packml':
      return `${c.station}: ${t(`cmd.${c.command}` as TextKey)}`;
    case 'eStop':
      return t('cmd.eStop');
    case 'releaseEStop':
      return t('cmd.releaseEStop');
    case 'lockOut':
      return `${c.station}: ${t('faceplate.lockOut')}`;
    case 'removeLockOut':
      return `${c.station}: ${t('faceplate.removeLockOut')}`;
    case 'check':
      return `${c.station}: ${t(`check.${c.check}` as TextKey)}${c.sensor ? ` (${c.sensor})` : ''}`;
    case 'repair':
      return `${c.station}: ${t(`repair.${c.action}` as TextKey)}${c.sensor ? ` (${c.sensor})` : ''}${c.lot ? ` (${c.lot})` : ''}`;
    case 'setSpeed':
      return `${c.station}: ${t('faceplate.speed')} ${c.percent} %`;
    case 'ackAlarm':
      return `${t('alarms.ack')} ${c.alarm}`;
    case 'shelveAlarm':
      return `${t('replay.shelve')} ${c.alarm} (${Math.round(c.seconds / 60)} min)`;
    case 'unshelveAlarm':
      return `${t('replay.unshelve')} ${c.alarm}`;
    case 'diagnose':
      return `${c.station}: ${t('replay.diagnosis')} ${t(`cause.${c.cause}` as TextKey)}`;
    case 'hint':
      return t('replay.hint');
    case 'injectFault':
      return t('replay.injected', { fault: c.fault });
  }
}

export function describeMarker(m: Marker, t: T): string {
  switch (m.kind) {
    case 'fault':
      return `${t(m.edge === 'onset' ? 'replay.faultStarts' : 'replay.faultEnds')}: ${t(`cause.${m.type}` as TextKey)}${m.station ? ` @ ${m.station}` : ''}`;
    case 'alarm':
      return `${t('replay.alarm')} ${m.alarm} (${t(`priority.${m.priority}` as TextKey)})`;
    case 'command':
      return `${describeCommand(m.command, t)}${m.accepted ? '' : ` — ${t('faceplate.refused')}: ${m.reason}`}`;
    case 'state':
      return `${m.station} → ${PACK_NAMES[m.to] ?? m.to}`;
    case 'score':
      return `${t(`replay.score.${m.what}` as TextKey)}${m.station ? ` @ ${m.station}` : ''}`;
  }
}
