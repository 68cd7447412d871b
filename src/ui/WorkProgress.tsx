import { localNum } from './format';
import { useT } from '../i18n';

/**
 * Long work in progress (re-simulating a session): what is being done, a bar, the share done,
 * and Cancel. It shows only after a moment (CSS), so quick work does not flash a bar.
 */
export function WorkProgress({ label, fraction, onCancel }: { label: string; fraction: number; onCancel: () => void }) {
  const { t, lang } = useT();
  return (
    <div className="work-progress" role="status" aria-live="polite" data-testid="work-progress">
      <p>{label}</p>
      <progress max={1} value={fraction} aria-label={label} />
      <span className="pct" data-testid="work-percent">
        {localNum(Math.floor(fraction * 100), 0, lang)} %
      </span>
      <button type="button" onClick={onCancel} data-testid="work-cancel">
        {t('work.cancel')}
      </button>
    </div>
  );
}
