/**
 * The control room with its screens out (a scenario's `hmi: "dark"`): no picture of the line,
 * no station list, alarm list or faceplate. The student reads and runs the line through the
 * factory's own interfaces (OPC UA, MQTT: *Connect the line*); what stays on the desk is the
 * logbook, where the diagnosis is written down.
 */
import { useState } from 'react';
import type { FaultType } from '../engine';
import { FAULT_TYPES } from '../scenario/schema';
import { useSim } from '../store/use-sim';
import { useT } from '../i18n';
import { useNames } from '../store/use-names';

export function HmiDown() {
  const { t } = useT();
  const names = useNames();
  const stations = useSim((s) => s.scenario?.line.stations);
  const send = useSim((s) => s.send);
  const [station, setStation] = useState('');
  const [cause, setCause] = useState<FaultType>(FAULT_TYPES[0]!);
  const choice = station || stations?.[0]?.id || '';
  return (
    <section className="hmi-down" data-testid="hmi-down" aria-labelledby="hmi-down-heading">
      <h2 id="hmi-down-heading">{t('hmi.down')}</h2>
      <p>{t('hmi.downExplain')}</p>
      <h3>{t('hmi.logbook')}</h3>
      <div className="row">
        <label>
          {t('hmi.station')}{' '}
          <select value={choice} onChange={(e) => setStation(e.target.value)} data-testid="logbook-station">
            {(stations ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {names.station(s.id)} ({s.id})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('faceplate.cause')}{' '}
          <select value={cause} onChange={(e) => setCause(e.target.value as FaultType)} data-testid="logbook-cause">
            {FAULT_TYPES.map((f) => (
              <option key={f} value={f}>
                {t(`cause.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => send({ type: 'diagnose', station: choice, cause })}>
          {t('faceplate.declare')}
        </button>
      </div>
    </section>
  );
}
