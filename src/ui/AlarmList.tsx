import { useState } from 'react';
import type { AlarmPriority } from '../engine';
import { useSim } from '../store/use-sim';
import { clock } from './format';
import { useT } from '../i18n';
import { alarmText } from '../i18n/names';
import { useNames } from '../store/use-names';

/** ISA-101: alarm colour is used for alarms only, always with a second cue (shape and number). */
const PRIORITY_MARK: Record<AlarmPriority, string> = { high: '◆ 1', medium: '▲ 2', low: '● 3' };

export function AlarmList() {
  const { t, lang } = useT();
  const names = useNames();
  const alarms = useSim((s) => s.observation?.alarms);
  const flood = useSim((s) => s.observation?.flood ?? false);
  const stations = useSim((s) => s.observation?.stations);
  const send = useSim((s) => s.send);
  const select = useSim((s) => s.select);
  const readOnly = useSim((s) => s.phase === 'replay');
  const [filter, setFilter] = useState('');
  if (!alarms || !stations) return null;
  // Alarms suppressed by design are out of the operator's list (ISA-18.2); shelved ones stay visible, greyed.
  const shown = alarms.filter((a) => a.phase !== 'suppressed' && (filter === '' || a.station === filter));
  return (
    <section className="alarms" aria-label={t('alarms.heading')} id="alarms" tabIndex={-1}>
      <div className="panel-head">
        <h3>{t('alarms.heading')}</h3>
        <select aria-label={t('alarms.filter')} value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="">{t('alarms.all')}</option>
          {stations.map((s) => (
            <option key={s.id} value={s.id}>
              {names.station(s.id)}
            </option>
          ))}
        </select>
      </div>
      {flood && (
        <p className="flood" role="alert">
          {t('alarms.flood')}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="muted">{t('alarms.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('alarms.priority')}</th>
              <th>{t('alarms.raised')}</th>
              <th>{t('alarms.message')}</th>
              <th>{t('alarms.state')}</th>
              <th>{t('alarms.acked')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.id} data-alarm={a.id} className={`alarm ${a.priority} ${a.phase}`}>
                <td className="prio">
                  {PRIORITY_MARK[a.priority]} {t(`priority.${a.priority}`)}
                </td>
                <td data-testid="alarm-raised">{a.raisedAt >= 0 ? clock(a.raisedAt / 10) : '—'}</td>
                <td>
                  <button type="button" className="link" onClick={() => select(a.station)}>
                    {alarmText(a.text, a.station, names.station, t, lang)}
                  </button>
                </td>
                <td>{t(`alarm.phase.${a.phase}`)}</td>
                <td data-testid="alarm-acked">{a.ackedAt >= 0 ? clock(a.ackedAt / 10) : '—'}</td>
                <td>
                  {/* The buttons' box, not the cell, is the flex row: a cell made a flex box draws its
                      bottom line only under itself (a stray dash at the row's end in a replay). */}
                  <div className="actions">
                    {!readOnly && (a.phase === 'unack' || a.phase === 'rtnUnack') && (
                      <button type="button" onClick={() => send({ type: 'ackAlarm', alarm: a.id })}>
                        {t('alarms.ack')}
                      </button>
                    )}
                    {!readOnly && a.phase !== 'shelved' && a.phase !== 'suppressed' && (
                      <button type="button" onClick={() => send({ type: 'shelveAlarm', alarm: a.id, seconds: 600 })}>
                        {t('alarms.shelve')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
