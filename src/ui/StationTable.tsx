import type { StationView } from '../engine';
import { useSim } from '../store/use-sim';
import { pct } from './format';

/** ISA-101: normal states stay grey; only abnormal ones get colour, always with text beside it. */
function stateClass(st: StationView): string {
  if (st.stateName === 'Held' || st.stateName === 'Aborted' || st.stateName === 'Holding' || st.stateName === 'Aborting') return 'state abnormal';
  if (st.stateName === 'Stopped' || st.stateName === 'Idle') return 'state stopped';
  if (st.stateName === 'Suspended') return 'state waiting';
  return 'state';
}

export function StationTable() {
  const stations = useSim((s) => s.observation?.stations);
  const kpis = useSim((s) => s.observation?.kpis.stations);
  if (!stations) return null;
  return (
    <table className="stations" aria-label="Stations">
      <thead>
        <tr>
          <th>Station</th>
          <th>Type</th>
          <th>PackML state</th>
          <th>Interlock / stop reason</th>
          <th className="num">Parts inside</th>
          <th className="num">Processed</th>
          <th className="num">Good</th>
          <th className="num">Scrap</th>
          <th className="num">OEE</th>
        </tr>
      </thead>
      <tbody>
        {stations.map((st, i) => (
          <tr key={st.id} data-station={st.id}>
            <td>{st.name}</td>
            <td>{st.type}</td>
            <td>
              <span className={stateClass(st)} data-testid={`state-${st.id}`}>
                {st.stateName}
              </span>
            </td>
            <td>{st.stopReason !== 0 ? `${st.stopReason} ${st.stopReasonText}` : st.interlock !== 'none' ? st.interlock : ''}</td>
            <td className="num">{st.capacity === null ? st.parts : `${st.parts} / ${st.capacity}`}</td>
            <td className="num">{st.processed}</td>
            <td className="num">{st.good}</td>
            <td className="num">{st.scrap}</td>
            <td className="num">{pct(kpis?.[i]?.oee?.oee)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
