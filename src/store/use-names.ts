/**
 * The names of the scenario in the store, in the reader's language: a hook for the screens and
 * the 3D labels (the naming itself is i18n's: namesOf).
 */
import { useMemo } from 'react';
import type { LineModel } from '../engine';
import { type Names, namesOf } from '../i18n/names';
import { useT } from '../i18n';
import { compileScenario, type ScenarioFile } from '../scenario';
import { useSim } from './use-sim';

/** Each scenario compiled once for its names, however many panels ask (they all do at start). */
const compiled = new WeakMap<ScenarioFile, LineModel>();
function modelOf(sc: ScenarioFile): LineModel {
  let model = compiled.get(sc);
  if (model === undefined) {
    model = compileScenario(sc);
    compiled.set(sc, model);
  }
  return model;
}

/** The names of the scenario in the store, in the current language. */
export function useNames(): Names {
  const { t, lang } = useT();
  const sc = useSim((s) => s.scenario);
  // biome-ignore lint/correctness/useExhaustiveDependencies: t follows lang
  return useMemo(() => namesOf(sc, sc === null ? null : modelOf(sc), t, lang), [sc, lang]);
}
