import { describe, expect, it } from 'vitest';
import type { ScenarioFile } from '../../src/scenario';
import { curriculumOrder, progressOf, suggestNext, topicsOf } from '../../src/ui/library-progress';

const sc = (id: string, difficulty: ScenarioFile['difficulty'], topics: string[] = []) => ({ id, difficulty, topics }) as unknown as ScenarioFile;
const list = [sc('crash', 'crisis', ['b']), sc('tut', 'tutorial'), sc('ref', 'reference'), sc('jam', 'intro', ['a', 'b']), sc('wear', 'core'), sc('dip', 'intro')];

describe('library progress', () => {
  it('keeps the best finished score and whether any run passed', () => {
    const p = progressOf([
      { scenarioId: 'jam', score: 40, passed: false, finished: true },
      { scenarioId: 'jam', score: 85, passed: true, finished: true },
      { scenarioId: 'jam', score: null, passed: null, finished: false },
      { scenarioId: 'wear', score: null, passed: null, finished: false },
    ]);
    expect(p.get('jam')).toEqual({ best: 85, passed: true, runs: 3 });
    expect(p.get('wear')).toEqual({ best: null, passed: false, runs: 1 });
    expect(p.get('dip')).toBeUndefined();
  });

  it('orders by level then id, and suggests the first exercise not yet passed', () => {
    expect(curriculumOrder(list).map((s) => s.id)).toEqual(['tut', 'dip', 'jam', 'wear', 'crash', 'ref']);
    expect(suggestNext(list, new Map())?.id).toBe('tut');
    const some = progressOf([
      { scenarioId: 'tut', score: null, passed: null, finished: false },
      { scenarioId: 'dip', score: 90, passed: true, finished: true },
      { scenarioId: 'jam', score: 30, passed: false, finished: true },
    ]);
    expect(suggestNext(list, some)?.id).toBe('jam');
    const all = progressOf(['tut', 'dip', 'jam', 'wear', 'crash'].map((id) => ({ scenarioId: id, score: 80, passed: true, finished: true })));
    expect(suggestNext(list, all)).toBeNull();
  });

  it('lists every topic once, sorted', () => {
    expect(topicsOf(list)).toEqual(['a', 'b']);
  });
});
