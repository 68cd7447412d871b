import { useSim } from '../store/use-sim';
import { useT } from '../i18n';
import { useNames } from '../store/use-names';
import { lampSymbol } from '../scene/stack-light';
import { stateName } from '../i18n/station-text';

/** Compact list of stations: the "where" for keyboard users and a second way to select. */
export function StationList() {
  const { t } = useT();
  const names = useNames();
  const stations = useSim((s) => s.observation?.stations);
  const selected = useSim((s) => s.selected);
  const select = useSim((s) => s.select);
  if (!stations) return null;
  return (
    <nav className="station-list" aria-label={t('stations.heading')}>
      {stations.map((st) => {
        const abnormal = st.stateName === 'Held' || st.stateName === 'Aborted';
        return (
          <button type="button" key={st.id} data-station={st.id} aria-pressed={selected === st.id} className={abnormal ? 'abnormal' : ''} onClick={() => select(st.id)}>
            <span>{names.station(st.id)}</span>
            <small data-testid={`state-${st.id}`}>
              <span className="lamp-symbol" aria-hidden="true">
                {lampSymbol(st.state, st.interlock)}
              </span>{' '}
              {stateName(st, t)}
            </small>
            {/* A line of its own, there even when empty: a button's height never changes with its state. */}
            <small className="why">{st.interlock !== 'none' ? t(`interlock.${st.interlock}.short`) : '\u00a0'}</small>
          </button>
        );
      })}
    </nav>
  );
}
