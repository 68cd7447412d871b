import type { Marker } from '../session/replay-index';
import type { CompareSide } from '../store/sim-store';
import { useSim } from '../store/use-sim';
import { describeMarker } from './describe';
import { StatusText } from './StatusText';
import { clock, minutes } from './format';
import { type TextKey, useT } from './i18n';
import { namesOf } from './names';
import { compileScenario } from '../scenario';
import { useMemo } from 'react';
import { WorkProgress } from './WorkProgress';

const W = 720;
const H = 150;
const X0 = 46;

/** Two traces on one time axis: A solid, B dashed (told apart by pattern, not only colour). */
function Overlay({ a, b, pick, label, end }: { a: CompareSide; b: CompareSide; pick: (s: CompareSide) => number[]; label: string; end: number }) {
  const va = pick(a);
  const vb = pick(b);
  const all = [...va, ...vb];
  if (all.length === 0) return null;
  const hi = Math.max(1e-9, ...all) * 1.08;
  const sx = (tick: number) => X0 + (tick / end) * (W - X0 - 10);
  const sy = (v: number) => H - 18 - (v / hi) * (H - 30);
  const path = (ticks: number[], vs: number[]) => vs.map((v, k) => `${k === 0 ? 'M' : 'L'}${sx(ticks[k]!).toFixed(1)},${sy(v).toFixed(1)}`).join('');
  return (
    <figure>
      <figcaption>{label}</figcaption>
      <svg className="chart compare-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <text x={2} y={sy(hi / 1.08) + 4} className="axis">
          {hi / 1.08 >= 10 ? (hi / 1.08).toFixed(0) : (hi / 1.08).toFixed(2)}
        </text>
        <text x={2} y={sy(0) + 4} className="axis">
          0
        </text>
        <text x={W - 60} y={H - 4} className="axis">
          {clock(end / 10)}
        </text>
        <path d={path(a.kpis.ticks, va)} className="trace a" />
        <path d={path(b.kpis.ticks, vb)} className="trace b" />
      </svg>
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

/** Two sessions of one scenario: KPI trends overlaid, command timelines one above the other. */
export function Compare() {
  const { t } = useT();
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
        <span className="key a">━ A: {a.name}</span> <span className="key b">┅ B: {b.name}</span>
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
              x ? `${x.detectSeconds === null ? '—' : minutes(x.detectSeconds)} / ${x.diagnoseSeconds === null ? '—' : minutes(x.diagnoseSeconds)} / ${x.restoreSeconds === null ? '—' : minutes(x.restoreSeconds)}` : '';
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
      <Overlay a={a} b={b} end={end} pick={(s) => s.kpis.oee} label={t('compare.oee')} />
      <Overlay a={a} b={b} end={end} pick={(s) => s.kpis.throughput} label={t('compare.throughput')} />
      <Overlay a={a} b={b} end={end} pick={(s) => s.kpis.good} label={t('compare.good')} />
      <h2>{t('compare.commands')}</h2>
      <div className="compare-rows" data-testid="compare-rows">
        <CommandRow side={a} end={end} label="A" />
        <CommandRow side={b} end={end} label="B" />
      </div>
      <button type="button" onClick={back}>
        {t('compare.back')}
      </button>
    </main>
  );
}
