import { useState } from 'react';
import { ENGINE_VERSION } from '../engine';
import { describeErrors, textOf } from '../scenario';
import { loadSessionText } from '../session/session-file';
import { verifySession } from '../session/verify';
import { clock } from './format';
import { FilePicker } from './FilePicker';
import { useT } from './i18n';

interface Result {
  readonly title: string;
  readonly ticks: number;
  readonly score: number;
  readonly passed: boolean;
  readonly reproduces: boolean;
  readonly divergentTick: number | null;
  /** The engine version the file names, when it is not this one. */
  readonly otherEngine: number | null;
}

/** For instructors collecting homework: open a session file, re-simulate it, see whether it is genuine. */
export function SessionCheck() {
  const { t, lang } = useT();
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async (file: File | undefined) => {
    if (!file) return;
    const loaded = loadSessionText(await file.text());
    if (!loaded.ok) {
      setResult(null);
      setError(`${file.name}\n${describeErrors(loaded.errors)}`);
      return;
    }
    const { verification, assessment } = verifySession(loaded.session);
    setError(null);
    setResult({
      title: textOf(loaded.session.scenario.title, lang),
      ticks: loaded.session.endTick,
      score: assessment.score,
      passed: assessment.passed,
      reproduces: verification.reproduces,
      divergentTick: verification.kind === 'diverges' ? verification.firstDivergentTick : null,
      otherEngine: verification.kind === 'otherEngine' ? verification.recorded : null,
    });
  };
  return (
    <section className="session-check">
      <FilePicker label={t('session.open')} testId="session-file" onFile={(f) => void open(f)} />
      {error && (
        <div className="error" role="alert" data-testid="session-error">
          <strong>{t('session.invalid')}</strong>
          <pre>{error}</pre>
        </div>
      )}
      {result && (
        <p className={result.reproduces ? '' : 'refusal'} data-testid="session-result">
          {result.title} · {clock(result.ticks / 10)} · {t('debrief.score')} {result.score} ({result.passed ? t('debrief.passed') : t('debrief.failed')}) ·{' '}
          {result.reproduces
            ? t('session.reproduces')
            : result.otherEngine !== null
              ? t('session.otherEngine', { recorded: result.otherEngine, current: ENGINE_VERSION })
              : t('session.diverges', { time: clock((result.divergentTick ?? 0) / 10) })}
        </p>
      )}
    </section>
  );
}
