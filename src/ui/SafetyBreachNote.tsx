import { type TextKey, useT } from '../i18n';
import { useSim } from '../store/use-sim';
import { useNames } from '../store/use-names';

/**
 * Told the moment it happens: work begun inside a machine that is not locked out. The engine lets
 * it go ahead, as a plant would, and it fails the drill; before, the student first heard of it
 * in the debrief, an hour of the shift later.
 */
export function SafetyBreachNote({ station }: { readonly station: string }) {
  const { t } = useT();
  const names = useNames();
  const breach = useSim((s) => s.safetyBreach);
  const dismiss = useSim((s) => s.dismissSafetyBreach);
  if (breach === null || !('station' in breach) || breach.station !== station) return null;
  const work = breach.type === 'repair' ? t(`repair.${breach.action}` as TextKey) : breach.type === 'check' ? t(`check.${breach.check}` as TextKey) : '';
  return (
    <div className="refusal safety-breach" role="alert" data-testid="safety-breach">
      <p>{t('safety.breachNow', { work, station: names.station(station) })}</p>
      <button type="button" onClick={dismiss}>
        {t('safety.understood')}
      </button>
    </div>
  );
}
