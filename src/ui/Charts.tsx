/**
 * Trends and the SPC chart, drawn with uPlot: a time axis (simulated hh:mm:ss) and a value
 * axis with its unit on every chart; reference lines named in a legend under the chart, so
 * labels never pile up on the plot.
 */
import { useMemo, useRef } from 'react';
import type uPlot from 'uplot';
import type { Series } from '../session/history';
import { refSeries, timeAxis, valueAxis } from './chart-options';
import { clock, shortNum } from './format';
import { useT } from '../i18n';
import { afterIntervention, imrLimits, movingRanges, type Rule, violations } from '../assessment/spc';
import { PALETTE } from '../scene/palette';
import { UPlot } from './UPlot';

const TRACE = PALETTE.chart.trace;
const LIMIT = PALETTE.chart.limit;
const BAND = '#9e9e9e';
const FLAG = PALETTE.chart.flag;

/** Vertical lines at the given x values (interventions), drawn over the plot. */
function markerPlugin(xs: { current: readonly number[] }): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = '#1565c0';
          ctx.lineWidth = 2 * devicePixelRatio;
          ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
          for (const x of xs.current) {
            const px = u.valToPos(x, 'x', true);
            if (px < u.bbox.left || px > u.bbox.left + u.bbox.width) continue;
            ctx.beginPath();
            ctx.moveTo(px, u.bbox.top);
            ctx.lineTo(px, u.bbox.top + u.bbox.height);
            ctx.stroke();
          }
          ctx.restore();
        },
      ],
    },
  };
}

/** L3 trend: a value over simulated time with its normal band. */
/** `legend` says what the dashed lines are where they are no normal band (OEE: typical and world class). */
/** `height` in CSS pixels, axes included: the two axes take ~80 of them, so 130 leaves a strip. */
export function TrendChart({ series, normal, label, unit, digits = 2, legend, height = 150 }: { series: Series | undefined; normal: readonly [number, number] | null; label: string; unit: string; digits?: number; legend?: string; height?: number }) {
  const { t, lang } = useT();
  // biome-ignore lint/correctness/useExhaustiveDependencies: texts follow the language
  const options = useMemo<Omit<uPlot.Options, 'width'>>(
    () => ({
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [timeAxis(t('chart.time')), valueAxis(unit, digits, lang)],
      series: [{}, { label, stroke: TRACE, width: 1.5, points: { show: false } }, refSeries(t('chart.normalLow'), BAND, [4, 3]), refSeries(t('chart.normalHigh'), BAND, [4, 3])],
    }),
    [label, unit, lang, digits, height],
  );
  if (!series || series.ticks.length < 2) return null;
  const xs = series.ticks.map((x) => x / 10);
  const data: uPlot.AlignedData = [xs, series.values, xs.map(() => normal?.[0] ?? null), xs.map(() => normal?.[1] ?? null)];
  return (
    <figure className="trend">
      <figcaption>{label}</figcaption>
      <UPlot key={`${lang}${label}`} options={options} data={data} label={label} />
      {normal && <p className="legend muted">{legend ?? t('chart.normalBand', { low: shortNum(normal[0], digits, lang), high: shortNum(normal[1], digits, lang), unit })}</p>}
    </figure>
  );
}

const BASELINE = 20;
const SHOWN = 80;

/**
 * I-MR chart of the measured dimension (DOMAIN §5): individuals and moving ranges against
 * limits from a recorded baseline (the run's first parts), with Western Electric and Nelson
 * rules evaluated from the last intervention on (an assignable cause removed starts a new run
 * of the rules), which the chart marks.
 */
export function SpcChart({ series, tolerance, interventions, unit }: { series: Series | undefined; tolerance: readonly [number, number]; interventions: readonly number[]; unit: string }) {
  const { t, lang } = useT();
  const marks = useRef<readonly number[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: texts follow the language; marks is a ref
  const [iOptions, mrOptions] = useMemo(() => {
    // Tall enough for three marks on the value axis: at 140 the I chart showed one (20,000) for a ±0.05 band.
    const common = { height: 180, legend: { show: false }, cursor: { drag: { x: false, y: false } }, scales: { x: { time: false } }, plugins: [markerPlugin(marks)] };
    const i: Omit<uPlot.Options, 'width'> = {
      ...common,
      axes: [timeAxis(t('chart.time')), valueAxis(unit, 3, lang)],
      series: [
        {},
        { label: t('spc.individual'), stroke: TRACE, width: 1.5, points: { show: true, size: 4 } },
        refSeries('UCL', LIMIT),
        refSeries('X̄', LIMIT, [2, 2]),
        refSeries('LCL', LIMIT),
        refSeries('USL', BAND, [4, 3]),
        refSeries('LSL', BAND, [4, 3]),
        { label: t('spc.flagged'), stroke: FLAG, width: 0, points: { show: true, size: 9, stroke: FLAG, fill: 'transparent', width: 2 } },
      ],
    };
    const mr: Omit<uPlot.Options, 'width'> = {
      ...common,
      height: 100,
      axes: [timeAxis(t('chart.time')), valueAxis(unit, 3, lang)],
      series: [{}, { label: 'MR', stroke: TRACE, width: 1.5, points: { show: true, size: 4 } }, refSeries('MR̄', LIMIT, [2, 2]), refSeries('UCL', LIMIT)],
    };
    return [i, mr];
  }, [lang, unit]);
  const all = (series?.values ?? []).flatMap((v, k) => (v === null ? [] : [[series!.ticks[k]!, v] as const]));
  // Under its caption while it waits: the tour points at the chart before the first parts.
  if (all.length < 8)
    return (
      <figure className="spc" data-testid="spc-chart">
        <figcaption>{t('faceplate.spc')}</figcaption>
        <p className="muted">{t('spc.waiting')}</p>
      </figure>
    );
  const base = imrLimits(all.slice(0, BASELINE).map(([, v]) => v));
  if (base === null) return null;
  const shown = all.slice(-SHOWN);
  const xs = shown.map(([tick]) => tick / 10);
  const values = shown.map(([, v]) => v);
  const last = interventions.filter((x) => x <= (shown.at(-1)?.[0] ?? 0)).at(-1) ?? -1;
  const from = afterIntervention(shown.map(([tick]) => tick), last);
  const found = violations(values.slice(from), base).map((v) => ({ ...v, index: v.index + from }));
  const flagged = new Set(found.map((v) => v.index));
  const rules = [...new Set(found.map((v) => v.rule))] as Rule[];
  // When each rule was last broken: after a right fix the flags stay on the parts made before the
  // process settled (a lathe still cooling), and the time says the newest parts are not among them.
  const lastBy = (r: Rule) => xs[Math.max(...found.filter((v) => v.rule === r).map((v) => v.index))]!;
  marks.current = interventions.map((x) => x / 10);
  const mr = movingRanges(values);
  const iData: uPlot.AlignedData = [
    xs,
    values,
    xs.map(() => base.ucl),
    xs.map(() => base.centre),
    xs.map(() => base.lcl),
    xs.map(() => tolerance[1]),
    xs.map(() => tolerance[0]),
    values.map((v, k) => (flagged.has(k) ? v : null)),
  ];
  const mrData: uPlot.AlignedData = [xs, mr, xs.map(() => base.mrBar), xs.map(() => base.mrUcl)];
  return (
    <figure className="spc" data-testid="spc-chart">
      <figcaption>{t('faceplate.spc')}</figcaption>
      <UPlot key={`i${lang}`} options={iOptions} data={iData} label={t('spc.individual')} testId="spc-i" />
      <UPlot key={`mr${lang}`} options={mrOptions} data={mrData} label={t('spc.movingRange')} testId="spc-mr" />
      <p className="legend muted">{t('spc.legend')}</p>
      {last >= 0 && (
        <p className="legend" data-testid="spc-restart">
          {t('spc.restarted')}
        </p>
      )}
      <ul className="rules" data-testid="spc-rules">
        {rules.length === 0 ? (
          <li className="muted">{t('spc.none')}</li>
        ) : (
          rules.map((r) => (
            <li key={r}>
              ▲ {t(`spc.${r}`)} · {t('spc.lastAt', { time: clock(lastBy(r)) })}
            </li>
          ))
        )}
      </ul>
    </figure>
  );
}
