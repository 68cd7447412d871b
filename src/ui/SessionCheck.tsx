import { useEffect, useRef, useState } from 'react';
import { ENGINE_VERSION } from '../engine';
import { describeErrors, textOf } from '../scenario';
import { loadSessionText } from '../session/session-file';
import { type AnalysisRun, defaultAnalyser } from '../session/analysis-client';
import type { ResultOf } from '../session/analysis';
import { clock, scoreText } from './format';
import { FilePicker } from './FilePicker';
import { useT } from '../i18n';
import { WorkProgress } from './WorkProgress';

interface Result {
  readonly title: string;
  readonly ticks: number;
  readonly score: number;
  readonly passed: boolean;
  readonly reproduces: boolean;
  readonly divergentTick: number | null;
  /** The engine version of a file made by another version, else null. */
  readonly recordedWith: number | null;
}

function verdictText(r: Result, t: ReturnType<typeof useT>['t']): string {
  const versions = { recorded: r.recordedWith ?? ENGINE_VERSION, current: ENGINE_VERSION };
  if (r.reproduces) return r.recordedWith === null ? t('session.reproduces') : t('session.reproducesOther', versions);
  const time = clock((r.divergentTick ?? 0) / 10);
  return r.recordedWith === null ? t('session.diverges', { time }) : t('session.divergesOther', { time, ...versions });
}

/** For instructors collecting homework: open a session file, re-simulate it, see whether it is genuine. */
export function SessionCheck() {
  const { t, lang } = useT();
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fraction, setFraction] = useState<number | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const running = useRef<AnalysisRun<ResultOf<'verify'>> | null>(null);
  // Leaving the library stops a check still running.
  useEffect(() => () => running.current?.cancel(), []);
  const open = async (file: File | undefined) => {
    if (!file) return;
    const loaded = loadSessionText(await file.text());
    running.current?.cancel();
    setResult(null);
    setCancelled(false);
    if (!loaded.ok) {
      setError(`${file.name}\n${describeErrors(loaded.errors)}`);
      return;
    }
    setError(null);
    setFraction(0);
    // Re-simulated in the analysis worker: a long session shows its progress and can be cancelled.
    const job = defaultAnalyser({ kind: 'verify', session: loaded.session }, (f) => setFraction(f));
    running.current = job;
    const outcome = await job.done;
    if (running.current !== job) return;
    running.current = null;
    setFraction(null);
    if (!outcome.ok) {
      if (outcome.cancelled) setCancelled(true);
      else setError(`${file.name}\n${outcome.message}`);
      return;
    }
    const { verification, assessment } = outcome.value.report;
    setResult({
      title: textOf(loaded.session.scenario.title, lang),
      ticks: loaded.session.endTick,
      score: assessment.score,
      passed: assessment.passed,
      reproduces: verification.reproduces,
      divergentTick: verification.kind === 'diverges' ? verification.firstDivergentTick : null,
      recordedWith: verification.recordedWith,
    });
  };
  return (
    <section className="session-check">
      <FilePicker label={t('session.open')} testId="session-file" onFile={(f) => void open(f)} />
      {fraction !== null && <WorkProgress label={t('work.verify')} fraction={fraction} onCancel={() => running.current?.cancel()} />}
      {cancelled && (
        <p className="muted" data-testid="session-cancelled">
          {t('work.cancelled')}
        </p>
      )}
      {error && (
        <div className="error" role="alert" data-testid="session-error">
          <strong>{t('session.invalid')}</strong>
          <pre>{error}</pre>
        </div>
      )}
      {result && (
        <p className={result.reproduces ? '' : 'refusal'} data-testid="session-result">
          {result.title} · {clock(result.ticks / 10)} · {t('debrief.score')} {scoreText(result.score, lang)} ({result.passed ? t('debrief.passed') : t('debrief.failed')}) ·{' '}
          {verdictText(result, t)}
        </p>
      )}
    </section>
  );
}
