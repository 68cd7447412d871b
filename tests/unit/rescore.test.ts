import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_VERSION } from '../../src/assessment';
import { analyseInProcess } from '../../src/session/analysis-client';
import { rescoreStale } from '../../src/session/rescore';
import type { SavedSession } from '../../src/session/saved-sessions';
import { loadSessionText } from '../../src/session/session-file';
import { scoreSession } from '../../src/session/verify';

const loaded = loadSessionText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
if (!loaded.ok) throw new Error('golden session does not load');
const file = loaded.session;

function kept(id: string, over: Partial<SavedSession>): SavedSession {
  return { id, name: id, scenarioId: file.scenario.id, title: file.scenario.title, savedAt: '2026-12-01T10:00:00.000Z', endTick: file.endTick, score: 50, passed: false, finished: true, file, ...over };
}

function memory(runs: SavedSession[]) {
  const db = new Map(runs.map((r) => [r.id, r]));
  return {
    db,
    deps: {
      list: async () => [...db.values()],
      get: async (id: string) => db.get(id) ?? null,
      put: async (s: SavedSession) => void db.set(s.id, s),
      analyser: analyseInProcess,
    },
  };
}

describe('runs scored by earlier rules are scored again', () => {
  it('renews the score of a run scored before, and leaves alone what has no score to renew', async () => {
    const today = scoreSession(file);
    const { db, deps } = memory([
      kept('old', { score: 12.3, passed: false }),
      kept('current', { score: 50, passed: false, scoredWith: ASSESSMENT_VERSION }),
      kept('unscored', { score: null, passed: null }),
      kept('going', { score: null, passed: null, finished: false }),
      kept('broken', { score: 77, passed: true, file: { ...file, scenario: { ...file.scenario, seed: -1 } as never } }),
    ]);
    expect(await rescoreStale(deps)).toBe(1);
    expect(db.get('old')).toMatchObject({ score: today.score, passed: today.passed, scoredWith: ASSESSMENT_VERSION, name: 'old' });
    expect(db.get('current')).toMatchObject({ score: 50, scoredWith: ASSESSMENT_VERSION });
    expect(db.get('unscored')!.score).toBeNull();
    expect(db.get('going')!.score).toBeNull();
    // A run whose scenario no longer loads keeps its score (and is tried again next time).
    expect(db.get('broken')).toMatchObject({ score: 77, passed: true });
    expect(db.get('broken')!.scoredWith).toBeUndefined();
    // Once renewed, nothing is left to do.
    expect(await rescoreStale(deps)).toBe(0);
  });

  it('a run renamed while it is scored again keeps its new name; one deleted stays deleted', async () => {
    const { db, deps } = memory([kept('a', { score: 1 }), kept('b', { score: 2 })]);
    const renamed = { ...deps, get: async (id: string) => (id === 'a' ? { ...db.get('a')!, name: 'Tuesday' } : null) };
    expect(await rescoreStale(renamed)).toBe(1);
    expect(db.get('a')!.name).toBe('Tuesday');
    expect(db.get('b')!.score).toBe(2);
  });
});
