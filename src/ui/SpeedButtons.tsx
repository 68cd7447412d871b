import { SPEEDS } from '../store/sim-store';
import { useSim } from '../store/use-sim';
import { useT } from '../i18n';

/** Simulated-time speed, 1× to 60×: the same control live and in replay. */
export function SpeedButtons() {
  const { t } = useT();
  const speed = useSim((s) => s.speed);
  const setSpeed = useSim((s) => s.setSpeed);
  return (
    <fieldset className="speeds" aria-label={t('run.speed')}>
      {SPEEDS.map((x) => (
        <button type="button" key={x} aria-pressed={speed === x} onClick={() => setSpeed(x)}>
          {x}×
        </button>
      ))}
    </fieldset>
  );
}
