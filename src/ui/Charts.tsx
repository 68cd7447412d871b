import type { Series } from '../store/history';
import { imrLimits, type Rule, violations } from './spc';
import { useT } from './i18n';

interface Line {
  readonly y: number;
  readonly label: string;
  readonly kind: 'limit' | 'centre' | 'band';
}

function Plot({ xs, ys, lines, marks, label }: { xs: number[]; ys: (number | null)[]; lines: Line[]; marks?: Set<number>; label: string }) {
  const W = 420;
  const H = 120;
  const vals = ys.filter((v): v is number => v !== null).concat(lines.map((l) => l.y));
  if (vals.length === 0) return null;
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  if (hi - lo < 1e-9) {
    hi += 1;
    lo -= 1;
  }
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const x0 = xs[0] ?? 0;
  const x1 = xs.at(-1) ?? 1;
  const sx = (x: number) => (x1 === x0 ? W / 2 : ((x - x0) / (x1 - x0)) * (W - 50) + 40);
  const sy = (y: number) => H - 8 - ((y - lo) / (hi - lo)) * (H - 16);
  let d = '';
  ys.forEach((y, k) => {
    if (y === null) return;
    d += `${d === '' ? 'M' : 'L'}${sx(xs[k]!).toFixed(1)},${sy(y).toFixed(1)}`;
  });
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {lines.map((l) => (
        <g key={`${l.kind}${l.y}`} className={`ref ${l.kind}`}>
          <line x1={40} x2={W - 10} y1={sy(l.y)} y2={sy(l.y)} />
          <text x={2} y={sy(l.y) + 3}>
            {l.label}
          </text>
        </g>
      ))}
      <path d={d} className="trace" />
      {marks &&
        ys.map((y, k) =>
          y !== null && marks.has(k) ? <circle key={xs[k]} cx={sx(xs[k]!)} cy={sy(y)} r={3.5} className="violation" /> : null,
        )}
    </svg>
  );
}

/** L3 trend: a sensor over recent time with its normal band. */
export function TrendChart({ series, normal, label }: { series: Series | undefined; normal: readonly [number, number]; label: string }) {
  if (!series || series.ticks.length < 2) return null;
  return (
    <figure className="trend">
      <figcaption>{label}</figcaption>
      <Plot
        xs={series.ticks}
        ys={series.values}
        label={label}
        lines={[
          { y: normal[0], label: normal[0].toPrecision(3), kind: 'band' },
          { y: normal[1], label: normal[1].toPrecision(3), kind: 'band' },
        ]}
      />
    </figure>
  );
}

const BASELINE = 20;

/** I-MR individuals chart with Western Electric and Nelson violations marked. */
export function SpcChart({ series, tolerance }: { series: Series | undefined; tolerance: readonly [number, number] }) {
  const { t } = useT();
  const values = (series?.values ?? []).filter((v): v is number => v !== null).slice(-60);
  if (values.length < 8) return <p className="muted">{t('spc.waiting')}</p>;
  const base = imrLimits(values.slice(0, Math.min(BASELINE, values.length)));
  if (base === null) return null;
  const found = violations(values, base);
  const rules = [...new Set(found.map((v) => v.rule))] as Rule[];
  const xs = values.map((_, k) => k);
  return (
    <figure className="spc" data-testid="spc-chart">
      <figcaption>{t('faceplate.spc')}</figcaption>
      <Plot
        xs={xs}
        ys={values}
        label={t('faceplate.spc')}
        marks={new Set(found.map((v) => v.index))}
        lines={[
          { y: base.ucl, label: 'UCL', kind: 'limit' },
          { y: base.centre, label: 'X̄', kind: 'centre' },
          { y: base.lcl, label: 'LCL', kind: 'limit' },
          { y: tolerance[1], label: 'USL', kind: 'band' },
          { y: tolerance[0], label: 'LSL', kind: 'band' },
        ]}
      />
      <ul className="rules" data-testid="spc-rules">
        {rules.length === 0 ? <li className="muted">{t('spc.none')}</li> : rules.map((r) => <li key={r}>▲ {t(`spc.${r}`)}</li>)}
      </ul>
    </figure>
  );
}
