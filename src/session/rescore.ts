/**
 * Scores kept with the runs follow today's rules. A run scored by an earlier assessment (its
 * rules changed: ASSESSMENT_VERSION) is scored again, in the analysis worker, one run at a
 * time, once; the library's progress and the sessions list then read the same score as the
 * run's replay and debrief. (A run ended before its fault stood at "Best score 100" beside the
 * drill after the rules had made it 0.)
 */
import { ASSESSMENT_VERSION } from '../assessment';
import { type Analyser, defaultAnalyser } from './analysis-client';
import { getSession, listSessions, putSession, type SavedSession } from './saved-sessions';

export interface RescoreDeps {
  readonly list: () => Promise<readonly SavedSession[]>;
  readonly get: (id: string) => Promise<SavedSession | null>;
  readonly put: (s: SavedSession) => Promise<unknown>;
  readonly analyser: Analyser;
}

const browserDeps: RescoreDeps = { list: listSessions, get: getSession, put: putSession, analyser: defaultAnalyser };

/** Whether a kept run's score was given by earlier rules (an unscored or unfinished run has none to renew). */
export function scoredByOldRules(s: SavedSession): boolean {
  return s.finished && s.score !== null && s.scoredWith !== ASSESSMENT_VERSION;
}

const listeners = new Set<() => void>();

/** Called after each run scored again (the sessions list and the library's progress re-read). */
export function onRescored(cb: () => void): () => void {
  listeners.add(cb);
  return () => {
    listeners.delete(cb);
  };
}

/** Score again every kept run scored by earlier rules; returns how many were. */
export async function rescoreStale(deps: RescoreDeps = browserDeps): Promise<number> {
  let n = 0;
  for (const s of (await deps.list()).filter(scoredByOldRules)) {
    const out = await deps.analyser({ kind: 'score', session: s.file }).done;
    // A run whose scenario no longer loads keeps the score it had.
    if (!out.ok) continue;
    // Read again: it may have been renamed or deleted meanwhile.
    const now = await deps.get(s.id);
    if (now === null) continue;
    const a = out.value.assessment;
    await deps.put({ ...now, score: a.score, passed: a.passed, scoredWith: ASSESSMENT_VERSION });
    n += 1;
    for (const l of listeners) l();
  }
  return n;
}

let started: Promise<number> | null = null;

/** The library asks for it each time it opens; it runs once per page. */
export function rescoreOnce(): Promise<number> {
  started ??= rescoreStale();
  return started;
}
