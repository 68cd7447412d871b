/**
 * A student's progress through the curriculum, from the sessions kept in this browser: best
 * score and completion per scenario, and the exercise to do next.
 */
import { type ScenarioFile, type Text, textOf } from '../scenario';
import type { Language } from '../scenario/text';

export const LEVELS = ['tutorial', 'intro', 'core', 'advanced', 'crisis', 'reference'] as const;
export type Level = (typeof LEVELS)[number];

export interface Progress {
  readonly best: number | null;
  readonly passed: boolean;
  readonly runs: number;
}

export interface ScoredRun {
  readonly scenarioId: string;
  readonly score: number | null;
  readonly passed: boolean | null;
  readonly finished: boolean;
}

export function progressOf(runs: readonly ScoredRun[]): Map<string, Progress> {
  const out = new Map<string, Progress>();
  for (const r of runs) {
    const p = out.get(r.scenarioId) ?? { best: null, passed: false, runs: 0 };
    out.set(r.scenarioId, {
      best: r.finished && r.score !== null ? Math.max(p.best ?? Number.NEGATIVE_INFINITY, r.score) : p.best,
      passed: p.passed || (r.finished && r.passed === true),
      runs: p.runs + 1,
    });
  }
  return out;
}

export function levelOf(sc: ScenarioFile): Level {
  return sc.difficulty ?? 'core';
}

/** Curriculum order: by level, then by id, so the library reads the same everywhere. */
export function curriculumOrder(list: readonly ScenarioFile[]): ScenarioFile[] {
  return list.slice().sort((a, b) => LEVELS.indexOf(levelOf(a)) - LEVELS.indexOf(levelOf(b)) || a.id.localeCompare(b.id));
}

/**
 * The next exercise: the first scenario in curriculum order the student has not yet passed
 * (the tutorial counts once opened; the reference line is for validation, never suggested).
 */
export function suggestNext(list: readonly ScenarioFile[], progress: ReadonlyMap<string, Progress>): ScenarioFile | null {
  for (const sc of curriculumOrder(list)) {
    const level = levelOf(sc);
    if (level === 'reference') continue;
    const p = progress.get(sc.id);
    if (level === 'tutorial' ? (p?.runs ?? 0) > 0 : p?.passed === true) continue;
    return sc;
  }
  return null;
}

/** Every topic once (keyed by its English text), in the reader's alphabetical order. */
export function topicsOf(list: readonly ScenarioFile[], lang: Language = 'en'): Text[] {
  const byKey = new Map<string, Text>();
  for (const sc of list) for (const x of sc.topics ?? []) if (!byKey.has(textOf(x))) byKey.set(textOf(x), x);
  return [...byKey.values()].sort((a, b) => textOf(a, lang).localeCompare(textOf(b, lang), lang === 'nb' ? 'nb' : 'en'));
}
