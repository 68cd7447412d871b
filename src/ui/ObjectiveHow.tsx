import type { ObjectiveFile } from '../scenario';
import { useT } from '../i18n';
import { useSim } from '../store/use-sim';
import { objectiveHow } from './objective-how';

/** Under an objective: how it is judged, where the work alone does not say it (objective-how.ts). */
export function ObjectiveHow({ objective }: { objective: ObjectiveFile }) {
  const { t, lang } = useT();
  const dark = useSim((s) => s.scenario?.hmi === 'dark');
  const how = objectiveHow(objective, t, lang, dark);
  return how === null ? null : <span className="objective-how muted">{how}</span>;
}
