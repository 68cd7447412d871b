import { useEffect, useState } from 'react';
import { useSim } from '../store/use-sim';
import { externalValue } from './external-value';
import { type TextKey, useT } from '../i18n';

const DONE_KEY = 'lf.toured';
/** The tutorial line: the tour belongs to it, and ends in it. */
const TUTORIAL = 'tutorial-line';

/** Each stop: what it is for, and the part of the control room it points at. */
const STEPS: readonly { readonly key: string; readonly target: string | null }[] = [
  { key: 'line', target: '.line-view' },
  { key: 'alarms', target: '#alarms' },
  { key: 'faceplate', target: '#faceplate' },
  { key: 'spc', target: '#faceplate' },
  { key: 'tutorial', target: null },
];

function toured(): boolean {
  try {
    return globalThis.localStorage?.getItem(DONE_KEY) === '1';
  } catch {
    return true;
  }
}

/** Open again from the keyboard help. */
const reopened = externalValue(0);
export const startTour = (): void => reopened.set(reopened.get() + 1);

/**
 * A first visit's tour of the control room (skippable, remembered in this browser): the 3D line,
 * the alarm list, the faceplate and the SPC chart, ending in the tutorial drill. It points at
 * each part and covers none of the controls.
 */
export function Tour() {
  const { t } = useT();
  const scenario = useSim((s) => s.scenario?.id);
  const phase = useSim((s) => s.phase);
  const load = useSim((s) => s.load);
  const begin = useSim((s) => s.begin);
  const again = reopened.use();
  const [step, setStep] = useState<number | null>(() => (toured() ? null : 0));
  useEffect(() => {
    if (again > 0) setStep(0);
  }, [again]);
  const showing = step !== null && phase === 'running' && (scenario === TUTORIAL || again > 0);
  const target = showing ? STEPS[step]!.target : null;
  useEffect(() => {
    if (target === null) return;
    const el = document.querySelector(target);
    el?.classList.add('tour-focus');
    return () => el?.classList.remove('tour-focus');
  }, [target]);
  if (!showing) return null;
  const finish = () => {
    try {
      globalThis.localStorage?.setItem(DONE_KEY, '1');
    } catch {
      // not remembered: it shows again next time
    }
    setStep(null);
  };
  const last = step === STEPS.length - 1;
  const key = STEPS[step]!.key;
  return (
    <section className="tour" role="dialog" aria-modal="false" aria-labelledby="tour-title" data-testid="tour">
      <p className="muted">{t('tour.count', { n: step + 1, of: STEPS.length })}</p>
      <h2 id="tour-title">{t(`tour.${key}.title` as TextKey)}</h2>
      <p>{t(`tour.${key}.text` as TextKey)}</p>
      <div className="buttons">
        {step > 0 && (
          <button type="button" onClick={() => setStep(step - 1)}>
            {t('tour.back')}
          </button>
        )}
        {!last && (
          <button type="button" className="primary" onClick={() => setStep(step + 1)}>
            {t('tour.next')}
          </button>
        )}
        {last && scenario !== TUTORIAL && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              finish();
              void import('../../scenarios/tutorial-line.json').then((m) => {
                if (load(m.default)) begin();
              });
            }}
          >
            {t('tour.openTutorial')}
          </button>
        )}
        {last && scenario === TUTORIAL && (
          <button type="button" className="primary" onClick={finish}>
            {t('tour.startTutorial')}
          </button>
        )}
        {!last && (
          <button type="button" onClick={finish} data-testid="tour-skip">
            {t('tour.skip')}
          </button>
        )}
      </div>
    </section>
  );
}
