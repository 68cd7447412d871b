import { useEffect, useState } from 'react';
import type { SimStore } from '../store/sim-store';
import { useSim, useSimApi } from '../store/use-sim';
import { externalValue } from './external-value';
import { type TextKey, useT } from '../i18n';

const DONE_KEY = 'lf.toured';
/** The tutorial line: the tour belongs to it, and ends in it. */
const TUTORIAL = 'tutorial-line';

/** A station the tour opens to show its faceplate: the first machine, or the first that measures its parts. */
type Show = 'machine' | 'measuring';

/**
 * Each stop: what it is for, the part of the control room it points at, and the station it opens
 * for that (an empty faceplate was a thin outlined strip, and the SPC chart was nowhere to see).
 */
const STEPS: readonly { readonly key: string; readonly target: string | null; readonly show?: Show; readonly align?: ScrollLogicalPosition }[] = [
  { key: 'line', target: '.line-view' },
  { key: 'alarms', target: '#alarms' },
  // From its top (back from the SPC chart, the faceplate was left scrolled to its foot).
  { key: 'faceplate', target: '#faceplate', show: 'machine', align: 'start' },
  { key: 'spc', target: '[data-testid="spc-chart"]', show: 'measuring' },
  { key: 'tutorial', target: null },
];

function stationToShow(s: SimStore, show: Show): string | null {
  const stations = s.observation?.stations ?? [];
  if (show === 'measuring') return stations.find((x) => x.sensors.some((y) => y.kind === 'dimension'))?.id ?? null;
  // Reopened on a line with no machine: another station (the text says a faceplate is open).
  return (stations.find((x) => x.type === 'machine') ?? stations.find((x) => x.sensors.length > 0) ?? stations[0])?.id ?? null;
}

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
  const show = showing ? STEPS[step]!.show : undefined;
  const align = showing ? (STEPS[step]!.align ?? 'nearest') : 'nearest';
  const api = useSimApi();
  const selected = useSim((s) => s.selected);
  useEffect(() => {
    if (show === undefined) return;
    const id = stationToShow(api.getState(), show);
    if (id !== null) api.getState().select(id);
  }, [show, api]);
  // Again once the station it opened is shown: the faceplate is drawn anew for it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `selected` re-runs it on purpose
  useEffect(() => {
    if (target === null) return;
    const el = document.querySelector(target);
    el?.classList.add('tour-focus');
    el?.scrollIntoView({ block: align });
    return () => el?.classList.remove('tour-focus');
  }, [target, selected, align]);
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
