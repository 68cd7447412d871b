/**
 * A figure the drill asks the student to work out from the line's data and report (a station's
 * OEE): a percentage typed in and sent as a recorded command, with the last one reported.
 */
import { useState } from 'react';
import type { ReportFigure as Figure } from '../engine';
import { useSim } from '../store/use-sim';
import { clock, pct } from './format';
import { useT } from '../i18n';
import { useNames } from '../store/use-names';

export function ReportFigure({ figure, station }: { figure: Figure; station: string }) {
  const { t, lang } = useT();
  const names = useNames();
  const send = useSim((s) => s.send);
  const readOnly = useSim((s) => s.phase === 'replay');
  const last = useSim((s) => s.commands.findLast((c) => c.type === 'report' && c.figure === figure && c.station === station));
  const [text, setText] = useState('');
  const value = Number(text.replace(',', '.'));
  const valid = text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 100;
  const id = `report-${figure}-${station}`;
  return (
    <form
      className="report-figure"
      data-testid={id}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) send({ type: 'report', figure, station, value: value / 100 });
      }}
    >
      {!readOnly && (
        <>
          <label htmlFor={id}>{t('report.label', { station: names.station(station) })}</label>
          <span className="row">
            <input id={id} type="text" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} size={6} aria-describedby={`${id}-unit`} />
            <span id={`${id}-unit`}>%</span>
            <button type="submit" disabled={!valid}>
              {t('report.send')}
            </button>
          </span>
          {text.trim() !== '' && !valid && <span className="refusal">{t('report.range')}</span>}
        </>
      )}
      <span className="muted" role="status">
        {last?.type === 'report' ? t('report.last', { value: pct(last.value, lang), at: clock(last.tick / 10) }) : t('report.none')}
      </span>
    </form>
  );
}
