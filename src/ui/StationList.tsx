import { useSim } from '../store/use-sim';
import { useT } from './i18n';

/** Compact list of stations: the "where" for keyboard users and a second way to select. */
export function StationList() {
  const { t } = useT();
  const stations = useSim((s) => s.observation?.stations);
  const selected = useSim((s) => s.selected);
  const select = useSim((s) => s.select);
  if (!stations) return null;
  return (
    <nav className="station-list" aria-label="Stations">
      {stations.map((st) => {
        const abnormal = st.stateName === 'Held' || st.stateName === 'Aborted';
        return (
          <button type="button" key={st.id} data-station={st.id} aria-pressed={selected === st.id} className={abnormal ? 'abnormal' : ''} onClick={() => select(st.id)}>
            <span>{st.name}</span>
            <small data-testid={`state-${st.id}`}>
              {abnormal ? '▲ ' : ''}
              {st.stateName}
              {st.interlock !== 'none' ? ` · ${t(`interlock.${st.interlock}`).split(' ')[0]}` : ''}
            </small>
          </button>
        );
      })}
    </nav>
  );
}
