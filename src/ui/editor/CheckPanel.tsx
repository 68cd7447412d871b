/**
 * *Check drill*: the four proofs run in a worker (seconds, with a progress bar and Cancel), and
 * what they found in the reader's language — which fault shows what and when, and why a proof
 * fails, in words.
 */
import { useEffect, useRef, useState } from 'react';
import type { DrillProof, Finding, Symptom } from '../../assessment';
import { type Draft, formatScenario } from '../../editor/draft';
import { defaultAnalyser } from '../../session/analysis-client';
import { PACK_NAMES } from '../../engine';
import { verdictText } from '../debrief-text';
import { scoreText, span } from '../format';
import { hasText, type TextKey, useT } from '../../i18n';
import type { Names } from '../../i18n/names';

type Run = { readonly state: 'idle' } | { readonly state: 'running'; readonly pct: number; readonly cancel: () => void } | { readonly state: 'done'; readonly proof: DrillProof; readonly of: string } | { readonly state: 'failed'; readonly reason: string };

interface Props {
  readonly draft: Draft;
  readonly loads: boolean;
  /** Names of stations and alarms in the reader's language (null while the file does not load). */
  readonly names: Names | null;
}

/** A PackML state's code from the name the engine gives it. */
const PACK_CODE = new Map(Object.entries(PACK_NAMES).map(([code, name]) => [name, code]));

export function CheckPanel({ draft, loads, names }: Props) {
  const { t, lang } = useT();
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const cancelRef = useRef<(() => void) | null>(null);
  useEffect(() => () => cancelRef.current?.(), []);
  const station = (id: unknown) => (typeof id !== 'string' || id === 'the line' ? t('check.theLine') : (names?.station(id) ?? id));

  const start = () => {
    const text = formatScenario(draft);
    const job = defaultAnalyser({ kind: 'prove', scenario: draft }, (f) => setRun((r) => (r.state === 'running' ? { ...r, pct: Math.round(f * 100) } : r)));
    cancelRef.current = job.cancel;
    setRun({ state: 'running', pct: 0, cancel: job.cancel });
    void job.done.then((o) => {
      cancelRef.current = null;
      if (o.ok) setRun({ state: 'done', proof: o.value.proof, of: text });
      else setRun(o.cancelled ? { state: 'idle' } : { state: 'failed', reason: o.message });
    });
  };

  const symptom = (s: Symptom) => {
    let detail = s.detail;
    if (s.kind === 'alarm') detail = names?.alarm(s.detail) ?? s.detail;
    if (s.kind === 'state') detail = PACK_CODE.has(s.detail) ? t(`pack.${PACK_CODE.get(s.detail)}` as TextKey) : s.detail;
    if (s.kind === 'sensor' || s.kind === 'trend') {
      const kind = s.detail.slice(s.detail.lastIndexOf('.') + 1);
      // The station apart from the reading: Norwegian puts it first ("Fres: temperatur driver").
      detail = hasText(`sensor.${kind}`) ? t(`sensor.${kind}` as TextKey).toLowerCase() : kind;
    }
    return t(`symptom.${s.kind}` as TextKey, { detail, station: station(s.station) });
  };
  const finding = (f: Finding, proof: DrillProof) => {
    const p = f.params;
    const vars: Record<string, string | number> = { ...p };
    if (p.station !== undefined) vars.station = station(p.station);
    if (typeof p.after === 'number') vars.after = span(p.after, lang);
    if (typeof p.target === 'number') vars.target = span(p.target, lang);
    for (const k of ['score', 'wrong', 'right', 'pass'] as const) if (typeof p[k] === 'number') vars[k] = scoreText(p[k], lang);
    if (f.key === 'shows' || f.key === 'showsLate') {
      const fc = proof.faults.find((x) => x.station === p.station || (x.station === null && p.station === 'the line'));
      vars.symptoms = (f.key === 'shows' ? (fc?.seen ?? []) : fc?.first ? [fc.first] : []).map(symptom).join(', ');
    }
    if (f.key === 'referenceMisses' && typeof p.objective === 'number') {
      const v = proof.reference.objectives[p.objective - 1];
      if (v) vars.reason = verdictText(v, t, lang, names ?? undefined);
    }
    if (typeof p.repairs === 'string') vars.repairs = p.repairs.split(', ').map((r) => t(`repair.${r}` as TextKey)).join(', ');
    const key = f.key === 'shows' && typeof p.after === 'number' && p.after < 10 ? 'showsNow' : f.key;
    return t(`finding.${key}` as TextKey, vars);
  };

  const stale = run.state === 'done' && run.of !== formatScenario(draft);
  const failing = run.state === 'done' ? run.proof.proofs.filter((p) => !p.ok).length : 0;
  return (
    <section className="check-panel" data-testid="check-panel" aria-live="polite">
      <div className="check-head">
        <h3>{t('check.heading')}</h3>
        {run.state === 'running' ? (
          <>
            <progress max={100} value={run.pct} aria-label={t('check.running', { pct: run.pct })} />
            <span>{t('check.running', { pct: run.pct })}</span>
            <button type="button" onClick={run.cancel}>
              {t('check.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={start} disabled={!loads} data-testid="check-drill">
            {t('check.run')}
          </button>
        )}
      </div>
      {!loads && <p className="muted">{t('check.needsFix')}</p>}
      {run.state === 'idle' && loads && <p className="muted">{t('check.intro')}</p>}
      {run.state === 'failed' && <p className="field-error">{t('check.failed', { reason: run.reason })}</p>}
      {run.state === 'done' && (
        <>
          <p className={run.proof.ok ? 'verdict ok' : 'verdict bad'} data-testid="check-verdict">
            {run.proof.ok ? t('check.ok') : t('check.notOk', { n: failing })}
          </p>
          {stale && <p className="muted">{t('check.stale')}</p>}
          <ul className="proofs">
            {run.proof.proofs.map((p) => (
              <li key={p.key} className={p.ok ? 'ok' : 'bad'} data-testid={`proof-${p.key}`}>
                <strong>
                  {p.ok ? '✓' : '✗'} {t(`proof.${p.key}` as TextKey)}
                </strong>
                <ul>
                  {p.findings.map((f) => (
                    <li key={f.key + JSON.stringify(f.params)} className={f.problem ? 'problem' : ''}>
                      {finding(f, run.proof)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
