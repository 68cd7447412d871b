import { useEffect, useState } from 'react';
import type { HistoryRun } from '../session/school-api';
import { clock, dateTime, scoreText } from './format';
import { useT } from '../i18n';

/** A student's runs in the class over the term: the scores as a line, and each run in a table (oldest first). */
export function HistoryTable({ runs }: { runs: readonly HistoryRun[] }) {
  const { t, lang } = useT();
  if (runs.length === 0) return <p className="muted">{t('history.none')}</p>;
  const title = (x: { en: string; nb?: string }) => (lang === 'nb' ? x.nb : undefined) ?? x.en;
  const scored = runs.filter((r) => r.score !== null);
  const x = (k: number) => (scored.length === 1 ? 120 : 8 + (k / (scored.length - 1)) * 224);
  const y = (score: number) => 40 - (score / 100) * 32;
  const when = (iso: string) => dateTime(iso, lang, { time: false, dateStyle: 'medium' });
  const verdict = (r: HistoryRun) =>
    r.state === 'going' ? t('history.going') : r.state === 'checking' ? t('live.checking') : r.state === 'notScored' ? t('live.notChecked') : `${scoreText(r.score ?? 0, lang)} · ${r.passed ? t('live.passed') : t('live.failed')}`;
  return (
    <div className="student-history" data-testid="student-history">
      {scored.length > 0 && (
        <svg viewBox="0 0 240 48" width="240" height="48" role="img" aria-label={t('history.scores', { scores: scored.map((r) => scoreText(r.score!, lang)).join(', ') })}>
          <line x1="8" y1={y(60)} x2="232" y2={y(60)} stroke="#b0bec5" strokeDasharray="3 3" />
          <polyline points={scored.map((r, k) => `${x(k)},${y(r.score!)}`).join(' ')} fill="none" stroke="#1565c0" strokeWidth="2" />
          {scored.map((r, k) => (
            <circle key={r.runId} cx={x(k)} cy={y(r.score!)} r="3.5" fill={r.passed ? '#2e7d32' : '#b71c1c'} />
          ))}
        </svg>
      )}
      <table className="live-table">
        <thead>
          <tr>
            <th scope="col">{t('history.when')}</th>
            <th scope="col">{t('live.drill')}</th>
            <th scope="col">{t('results.score')}</th>
            <th scope="col">{t('results.detect')}</th>
            <th scope="col">{t('results.restore')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.runId} data-testid="history-row">
              <td>{when(r.startedAt)}</td>
              <td>{title(r.title)}</td>
              <td>{verdict(r)}</td>
              <td className="num">{r.detect === null ? '—' : clock(r.detect)}</td>
              <td className="num">{r.restore === null ? '—' : clock(r.restore)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How often a shown history is asked for again while one of its runs is still going or being checked. */
const UNSETTLED_REFRESH_MS = 5000;

/** A history asked for once when shown (a button toggles it), with its refusal in words. */
export function StudentHistory({ load, label }: { load: () => Promise<HistoryRun[]>; label: string }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [runs, setRuns] = useState<HistoryRun[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unsettled = runs?.some((r) => r.state === 'going' || r.state === 'checking') ?? false;
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked each time it is opened, and again while a run is still going or being checked
  useEffect(() => {
    if (!open) return;
    const get = () => load().then(setRuns, (e: unknown) => setError(t('history.failed', { reason: (e as Error).message })));
    void get();
    if (!unsettled) return;
    const timer = setInterval(() => void get(), UNSETTLED_REFRESH_MS);
    return () => clearInterval(timer);
  }, [open, unsettled]);
  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="history-toggle">
        {label}
      </button>
      {open && (error !== null ? <p className="refusal" role="alert">{error}</p> : runs === null ? <p className="muted">{t('app.loading')}</p> : <HistoryTable runs={runs} />)}
    </>
  );
}
