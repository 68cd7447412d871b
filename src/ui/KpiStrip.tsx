import type { ReactNode } from 'react';
import { useSim } from '../store/use-sim';
import { localNum, pct } from './format';
import { useT } from '../i18n';

/** L1 overview: the line's KPIs in one row. */
export function KpiStrip() {
  const { t, lang } = useT();
  const line = useSim((s) => s.observation?.kpis.line);
  const unacked = useSim((s) => s.observation?.alarms.filter((a) => a.phase === 'unack' || a.phase === 'rtnUnack').length ?? 0);
  const active = useSim((s) => s.observation?.alarms.filter((a) => a.active && a.phase !== 'shelved').length ?? 0);
  const top = useSim((s) => s.observation?.alarms.find((a) => a.phase !== 'shelved' && a.phase !== 'suppressed')?.priority ?? null);
  if (!line) return null;
  const items: [string, string, ReactNode][] = [
    ['oee', t('kpi.oee'), pct(line.oee.oee, lang)],
    ['availability', t('kpi.availability'), pct(line.oee.availability, lang)],
    ['performance', t('kpi.performance'), pct(line.oee.performance, lang)],
    ['quality', t('kpi.quality'), pct(line.oee.quality, lang)],
    ['good', t('kpi.good'), String(line.goodParts)],
    ['scrap', t('kpi.scrap'), String(line.scrapParts)],
    ['throughput', t('kpi.throughput'), `${localNum(line.throughputPerHour, 1, lang)} ${t('kpi.perHour')}`],
    ['wip', t('kpi.wip'), String(line.wip)],
    // Each count names what it counts ("0 / 13 unacknowledged" read as none unacknowledged);
    // the words in the label's size, and a narrow tile wraps between the two, not inside one.
    [
      'alarms',
      t('alarms.heading'),
      <>
        <span className="kpi-part">
          {active} <span className="kpi-unit">{t('kpi.active')}</span>
        </span>{' '}
        <span className="kpi-part">
          {unacked} <span className="kpi-unit">{t('kpi.unacked')}</span>
        </span>
      </>,
    ],
  ];
  return (
    <dl className="kpis" aria-label={t('kpi.heading')}>
      {items.map(([id, k, v]) => (
        <div key={id} className={`kpi ${id === 'alarms' && top !== null ? `alarm-${top}` : ''}`}>
          <dt>{k}</dt>
          <dd data-testid={`kpi-${id}`}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
