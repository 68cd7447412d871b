/**
 * The Experiment tab: see how one element of the line affects the others. *Run experiment*: N
 * replications (different seeds) in a pool of workers, with the line's figures and each
 * station's share of time per state, 95 % confidence intervals, a progress bar and Cancel.
 * *Sweep*: one parameter over a range, each figure against it with its interval, and the
 * bottleneck at each point. The drill's scheduled faults stay out unless asked for.
 */
import { useEffect, useRef, useState } from 'react';
import type { Draft } from '../../editor/draft';
import { type FaultsOption, FIGURES, type Figure, type Replication, seedOf, type Summary, summarize } from '../../experiment/experiment';
import { type Parameter, parametersOf } from '../../experiment/parameters';
import type { ReplicationJob } from '../../experiment/pool';
import type { Estimate } from '../../experiment/stats';
import { sweepValues, withParameter } from '../../experiment/sweep';
import { PACK_NAMES } from '../../engine';
import { runReplications } from '../../session/experiment-client';
import { localNum } from '../format';
import { type TextKey, useT } from '../../i18n';
import type { Names } from '../../i18n/names';

type Result = { readonly kind: 'single'; readonly summary: Summary } | { readonly kind: 'sweep'; readonly parameter: Parameter; readonly points: readonly { readonly value: number; readonly summary: Summary }[] };
type Run = { readonly state: 'idle' } | { readonly state: 'running'; readonly done: number; readonly of: number; readonly cancel: () => void } | { readonly state: 'done'; readonly result: Result } | { readonly state: 'failed'; readonly reason: string };

const PACK_CODE = new Map(Object.entries(PACK_NAMES).map(([code, name]) => [name, code]));
const DIGITS: Record<Figure, number> = { throughputPerHour: 1, wipAverage: 1, leadTimeSeconds: 0, oee: 3 };

interface Props {
  readonly draft: Draft;
  readonly loads: boolean;
  readonly names: Names | null;
}

export function ExperimentPanel({ draft, loads, names }: Props) {
  const { t, lang } = useT();
  const [replications, setReplications] = useState(10);
  const [faults, setFaults] = useState<FaultsOption>('random');
  const params = parametersOf(draft as { [key: string]: unknown });
  const [paramPath, setParamPath] = useState('');
  const param = params.find((p) => p.path === paramPath) ?? params[0];
  const [range, setRange] = useState<{ from: number; to: number; step: number } | null>(null);
  const r = range ?? (param ? { from: param.from, to: param.to, step: param.step } : { from: 0, to: 0, step: 1 });
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const cancelRef = useRef<(() => void) | null>(null);
  useEffect(() => () => cancelRef.current?.(), []);
  const num = (v: number, d: number) => localNum(v, d, lang);
  const pm = (e: Estimate, d: number) => `${num(e.mean, d)} ± ${num(e.half, d)}`;
  const paramLabel = (p: Parameter) => t(`experiment.param.${p.kind}` as TextKey, { station: 'station' in p ? (names?.station(p.station) ?? p.station) : '', fault: 'fault' in p ? p.fault : '' });

  const start = (sweep: boolean) => {
    const seed = typeof draft.seed === 'number' ? draft.seed : 1;
    const values = sweep && param ? sweepValues({ path: param.path, ...r }) : [null];
    const jobs: ReplicationJob[] = [];
    for (const v of values) {
      const scenario = v === null || !param ? (draft as { [key: string]: unknown }) : withParameter(draft as { [key: string]: unknown }, param.path, v);
      if ('error' in scenario) return setRun({ state: 'failed', reason: String(scenario.error) });
      for (let k = 0; k < replications; k++) jobs.push({ id: jobs.length, scenario, faults, seed: seedOf(seed, k) });
    }
    const pool = runReplications(jobs, (done, of) => setRun((x) => (x.state === 'running' ? { ...x, done, of } : x)));
    cancelRef.current = pool.cancel;
    setRun({ state: 'running', done: 0, of: jobs.length, cancel: pool.cancel });
    void pool.done.then((outcomes) => {
      cancelRef.current = null;
      if (outcomes === null) return setRun({ state: 'idle' });
      const bad = outcomes.find((o) => !o.ok);
      if (bad && !bad.ok) return setRun({ state: 'failed', reason: bad.message });
      const reps = outcomes.map((o) => (o as { replication: Replication }).replication);
      if (!sweep || !param) return setRun({ state: 'done', result: { kind: 'single', summary: summarize(reps) } });
      setRun({ state: 'done', result: { kind: 'sweep', parameter: param, points: values.map((v, i) => ({ value: v as number, summary: summarize(reps.slice(i * replications, (i + 1) * replications)) })) } });
    });
  };
  const stateName = (s: string) => (PACK_CODE.has(s) ? t(`pack.${PACK_CODE.get(s)}` as TextKey) : s);
  const running = run.state === 'running';
  const single = run.state === 'done' && run.result.kind === 'single' ? run.result.summary : null;
  const sweep = run.state === 'done' && run.result.kind === 'sweep' ? run.result : null;
  return (
    <div className="experiment-panel" data-testid="experiment-panel">
      <p className="muted">{t('experiment.intro')}</p>
      <div className="experiment-controls">
        <label>
          {t('experiment.replications')}{' '}
          <input type="number" min={2} max={200} value={replications} onChange={(e) => setReplications(Math.max(1, Math.min(200, Math.round(Number(e.target.value) || 1))))} data-testid="replications" />
        </label>
        <label>
          {t('experiment.faults')}{' '}
          <select value={faults} onChange={(e) => setFaults(e.target.value as FaultsOption)}>
            {(['random', 'none', 'all'] as const).map((f) => (
              <option key={f} value={f}>
                {t(`experiment.faults.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={!loads || running} onClick={() => start(false)} data-testid="run-experiment">
          {t('experiment.run')}
        </button>
      </div>
      {params.length > 0 && (
        <fieldset className="experiment-controls">
          <legend>{t('experiment.sweep')}</legend>
          <label>
            {t('experiment.parameter')}{' '}
            <select
              value={param?.path ?? ''}
              onChange={(e) => {
                setParamPath(e.target.value);
                setRange(null);
              }}
              data-testid="sweep-parameter"
            >
              {params.map((p) => (
                <option key={p.path} value={p.path}>
                  {paramLabel(p)}
                </option>
              ))}
            </select>
          </label>
          {(['from', 'to', 'step'] as const).map((k) => (
            <label key={k}>
              {t(`experiment.${k}`)} <input type="number" value={r[k]} onChange={(e) => setRange({ ...r, [k]: Number(e.target.value) })} data-testid={`sweep-${k}`} />
            </label>
          ))}
          <button type="button" disabled={!loads || running} onClick={() => start(true)} data-testid="run-sweep">
            {t('experiment.runSweep')}
          </button>
        </fieldset>
      )}
      {!loads && <p className="muted">{t('check.needsFix')}</p>}
      {running && (
        <p className="experiment-progress">
          <progress max={run.of} value={run.done} aria-label={t('experiment.progress', { done: run.done, of: run.of })} /> {t('experiment.progress', { done: run.done, of: run.of })}{' '}
          <button type="button" onClick={run.cancel} data-testid="cancel-experiment">
            {t('check.cancel')}
          </button>
        </p>
      )}
      {run.state === 'failed' && <p className="field-error">{t('check.failed', { reason: run.reason })}</p>}
      {single !== null && (
        <div data-testid="experiment-result">
          <p>{t('experiment.summary', { n: single.n })}</p>
          <table className="experiment-table">
            <tbody>
              {FIGURES.map((f) => (
                <tr key={f}>
                  <th scope="row">{t(`experiment.figure.${f}`)}</th>
                  <td data-testid={`figure-${f}`}>{pm(single.figures[f], DIGITS[f])}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('experiment.bottleneck')}</th>
                <td data-testid="bottleneck">{t('experiment.bottleneckOf', { station: names?.station(single.constraint.id) ?? single.constraint.id, count: single.constraint.count, n: single.n })}</td>
              </tr>
            </tbody>
          </table>
          <h4>{t('experiment.states')}</h4>
          <table className="experiment-table">
            <tbody>
              {single.stations.map((st) => (
                <tr key={st.id}>
                  <th scope="row">{names?.station(st.id) ?? st.id}</th>
                  <td>
                    {Object.entries(st.fractions)
                      .filter(([, e]) => e.mean >= 0.005)
                      .map(([k, e]) => `${stateName(k)} ${num(e.mean * 100, 1)} ± ${num(e.half * 100, 1)} %`)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sweep !== null && (
        <div data-testid="sweep-result">
          <p>{t('experiment.sweepOf', { parameter: paramLabel(sweep.parameter), n: replications })}</p>
          <table className="experiment-table">
            <thead>
              <tr>
                <th scope="col">{paramLabel(sweep.parameter)}</th>
                {FIGURES.map((f) => (
                  <th key={f} scope="col">
                    {t(`experiment.figure.${f}`)}
                  </th>
                ))}
                <th scope="col">{t('experiment.bottleneck')}</th>
              </tr>
            </thead>
            <tbody>
              {sweep.points.map((p) => (
                <tr key={p.value} data-testid="sweep-point">
                  <th scope="row">{num(p.value, 0)}</th>
                  {FIGURES.map((f) => (
                    <td key={f}>{pm(p.summary.figures[f], DIGITS[f])}</td>
                  ))}
                  <td>{names?.station(p.summary.constraint.id) ?? p.summary.constraint.id}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="sweep-charts">
            {FIGURES.map((f) => (
              <SweepBars key={f} points={sweep.points} figure={f} label={t(`experiment.figure.${f}`)} digits={DIGITS[f]} />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

/** Each point's mean as a bar and its interval as a whisker: a figure against the parameter, readable without a chart library. */
function SweepBars({ points, figure, label, digits }: { readonly points: readonly { readonly value: number; readonly summary: Summary }[]; readonly figure: Figure; readonly label: string; readonly digits: number }) {
  const { lang } = useT();
  const hi = Math.max(...points.map((p) => p.summary.figures[figure].mean + p.summary.figures[figure].half));
  const lo = Math.min(...points.map((p) => p.summary.figures[figure].mean - p.summary.figures[figure].half));
  const base = Math.max(0, lo - (hi - lo) * 0.5);
  const h = (v: number) => (hi === base ? 0 : ((v - base) / (hi - base)) * 100);
  return (
    <figure className="sweep-bars" aria-label={label} data-testid={`sweep-chart-${figure}`}>
      <figcaption>{label}</figcaption>
      <div className="bars">
        {points.map((p) => {
          const e = p.summary.figures[figure];
          return (
            <div key={p.value} className="bar-col" title={`${localNum(p.value, 0, lang)}: ${localNum(e.mean, digits, lang)} ± ${localNum(e.half, digits, lang)}`}>
              <div className="bar-area">
                <span className="bar" style={{ height: `${h(e.mean)}%` }} />
                <span className="whisker" style={{ bottom: `${h(e.mean - e.half)}%`, height: `${h(e.mean + e.half) - h(e.mean - e.half)}%` }} />
              </div>
              <span className="bar-label">{localNum(p.value, 0, lang)}</span>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
