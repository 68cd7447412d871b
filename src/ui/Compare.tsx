import type { Marker } from '../session/replay-index';
import type { CompareSide } from '../store/sim-store';
import { useSim } from '../store/use-sim';
import { describeMarker } from './describe';
import { StatusText } from './StatusText';
import { clock, dateTime, minutes } from './format';
import { type TextKey, useT } from '../i18n';
import { namesOf } from '../i18n/names';
import { compileScenario, textOf } from '../scenario';
import { useMemo } from 'react';
import type uPlot from 'uplot';
import { timeAxis, valueAxis } from './chart-options';
import { TimeScale } from './TimeScale';
import { UPlot } from './UPlot';
import { PALETTE } from '../scene/palette';
import { WorkProgress } from './WorkProgress';

const TRACE_A = PALETTE.compare.a;
const TRACE_B = PALETTE.compare.b;

/**
 * Two traces on one time axis (uPlot, like every chart): A solid, B dashed, told apart by
 * pattern and not only by colour. The sides may have sampled different ticks: they are laid on
 * the union of both, with gaps bridged.
 */
function Overlay({ a, b, pick, label, unit, digits }: { a: CompareSide; b: CompareSide; pick: (s: CompareSide) => number[]; label: string; unit: string; digits: number }) {
  const { t, lang } = useT();
  // biome-ignore lint/correctness/useExhaustiveDependencies: texts follow the language
  const options = useMemo<Omit<uPlot.Options, 'width'>>(
    () => ({
      height: 150,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [timeAxis(t('chart.time')), valueAxis(unit, digits, lang)],
      series: [
        {},
        { label: `A: ${sideName(a, lang)}`, stroke: TRACE_A, width: 1.8, points: { show: false }, spanGaps: true },
        { label: `B: ${sideName(b, lang)}`, stroke: TRACE_B, width: 1.8, dash: [6, 4], points: { show: false }, spanGaps: true },
      ],
    }),
    [lang, unit, digits, a.name, b.name],
  );
  const va = pick(a);
  const vb = pick(b);
  if (va.length + vb.length === 0) return null;
  const ticks = [...new Set([...a.kpis.ticks, ...b.kpis.ticks])].sort((x, y) => x - y);
  const at = (side: CompareSide, values: number[]) => {
    const byTick = new Map(side.kpis.ticks.map((tick, k) => [tick, values[k]!]));
    return ticks.map((tick) => byTick.get(tick) ?? null);
  };
  const data: uPlot.AlignedData = [ticks.map((x) => x / 10), at(a, va), at(b, vb)];
  return (
    <figure className="compare-chart">
      <figcaption>{label}</figcaption>
      <UPlot key={`${lang}${label}`} options={options} data={data} label={label} />
    </figure>
  );
}

function CommandRow({ side, end, label }: { side: CompareSide; end: number; label: string }) {
  const { t, lang } = useT();
  // biome-ignore lint/correctness/useExhaustiveDependencies: t follows lang
  const names = useMemo(() => namesOf(side.scenario, compileScenario(side.scenario), t, lang), [side.scenario, lang]);
  const shown = side.markers.filter((m): m is Marker => m.kind === 'command' || m.kind === 'score');
  return (
    <div className="compare-row">
      <span className="who">{label}</span>
      <div className="lane">
        {shown.map((m, k) => (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: markers never reorder
            key={k}
            className={m.kind === 'command' ? `marker command ${m.accepted ? '' : 'refused'}` : `marker score ${m.kind === 'score' ? m.what : ''}`}
            style={{ left: `${(m.tick / end) * 100}%` }}
            title={`${clock(m.tick / 10)} · ${describeMarker(m, t, names)}`}
          />
        ))}
      </div>
    </div>
  );
}

/** A side's name: the run's own, or the scenario's title in the reader's language. */
function sideName(side: CompareSide, lang: 'en' | 'nb'): string {
  return side.name !== '' ? side.name : textOf(side.scenario.title, lang);
}

/** ... and when it began, in the legend: both sides are runs of one drill (unnamed, they read the same). */
function sideLabel(side: CompareSide, lang: 'en' | 'nb', t: (k: TextKey, v?: Record<string, string | number>) => string): string {
  const began = side.startedAt === null ? Number.NaN : Date.parse(side.startedAt);
  if (Number.isNaN(began)) return sideName(side, lang);
  return `${sideName(side, lang)} · ${t('compare.started', { when: dateTime(new Date(began), lang) })}`;
}

/** Two sessions of one scenario: KPI trends overlaid, command timelines one above the other. */
export function Compare() {
  const { t, lang } = useT();
  const pair = useSim((s) => s.comparison);
  const back = useSim((s) => s.toLibrary);
  const job = useSim((s) => (s.job?.what === 'compare' ? s.job : null));
  const cancel = useSim((s) => s.cancelJob);
  if (pair === null) {
    return (
      <main className="compare" data-testid="compare-pending">
        <h1>{t('compare.heading')}</h1>
        <WorkProgress label={t('work.compare')} fraction={job?.fraction ?? 0} onCancel={cancel} />
      </main>
    );
  }
  const [a, b] = pair;
  const end = Math.max(a.endTick, b.endTick, 1);
  return (
    <main className="compare" data-testid="compare-view">
      <h1>{t('compare.heading')}</h1>
      <p className="legend">
        <span className="key a">━ A: {sideLabel(a, lang, t)}</span> <span className="key b">┅ B: {sideLabel(b, lang, t)}</span>
      </p>
      <table className="faults">
        <thead>
          <tr>
            <th>{t('compare.summary')}</th>
            <th>A</th>
            <th>B</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t('sessions.score')}</td>
            <td data-testid="score-a">
              <StatusText status={a.status} />
            </td>
            <td data-testid="score-b">
              <StatusText status={b.status} />
            </td>
          </tr>
          <tr>
            <td>{t('compare.goodParts')}</td>
            <td>{a.assessment.goodParts}</td>
            <td>{b.assessment.goodParts}</td>
          </tr>
          {a.assessment.faults.map((f, k) => {
            const g = b.assessment.faults[k];
            const cell = (x: typeof f | undefined) =>
              x ? `${x.detectSeconds === null ? '—' : minutes(x.detectSeconds, lang)} / ${x.diagnoseSeconds === null ? '—' : minutes(x.diagnoseSeconds, lang)} / ${x.restoreSeconds === null ? '—' : minutes(x.restoreSeconds, lang)}` : '';
            return (
              <tr key={f.id}>
                <td>
                  {t(`cause.${f.type}` as TextKey)}: {t('debrief.detect')} / {t('debrief.diagnose')} / {t('debrief.restore')}
                </td>
                <td>{cell(f)}</td>
                <td>{cell(g)}</td>
              </tr>
            );
          })}
          <tr>
            <td>{t('compare.wrongRepairs')}</td>
            <td>{a.assessment.wrongRepairs.length}</td>
            <td>{b.assessment.wrongRepairs.length}</td>
          </tr>
        </tbody>
      </table>
      <Overlay a={a} b={b} pick={(s) => s.kpis.oee.map((x) => x * 100)} label={t('compare.oee')} unit="%" digits={0} />
      <Overlay a={a} b={b} pick={(s) => s.kpis.throughput} label={t('compare.throughput')} unit={t('chart.perHour')} digits={0} />
      <Overlay a={a} b={b} pick={(s) => s.kpis.good} label={t('compare.good')} unit={t('compare.parts')} digits={0} />
      <h2>{t('compare.commands')}</h2>
      <div className="compare-rows" data-testid="compare-rows">
        <CommandRow side={a} end={end} label="A" />
        <CommandRow side={b} end={end} label="B" />
        <div className="compare-row">
          <span />
          <TimeScale endTick={end} />
        </div>
      </div>
      <button type="button" onClick={back}>
        {t('compare.back')}
      </button>
    </main>
  );
}
