/**
 * How an objective is judged, where doing the work does not say it by itself. A student who
 * recognised the power dip, cleared and restarted every station was told "not met: not
 * diagnosed": nothing had said that a diagnosis is declared in a faceplate. Only the mechanism
 * is named, never the answer (no cause, check or repair the author did not write).
 */
import type { ObjectiveFile } from '../scenario';
import { parseDuration } from '../scenario';
import type { TextKey } from '../i18n';
import { span } from './format';

type T = (key: TextKey, vars?: Record<string, string | number>) => string;

/** `dark`: the control room's screens are down (the HMI-down drill), so there is no faceplate: the logbook takes the diagnosis. */
export function objectiveHow(o: ObjectiveFile, t: T, lang: 'en' | 'nb', dark = false): string | null {
  if (typeof o !== 'object' || !('check' in o)) return null;
  const c = o.check;
  if (c.kind === 'diagnoseWithin') return t(dark ? 'objective.howDiagnoseLogbook' : 'objective.howDiagnose', { within: span(parseDuration(c.within), lang) });
  return null;
}
