import { describe, expect, it } from 'vitest';
import { runStatus } from '../../src/session/run-status';

describe('a run has one status everywhere', () => {
  it('finished with its score and verdict, in progress while it is the run to resume, abandoned otherwise', () => {
    expect(runStatus({ id: 'a', finished: true, score: 72, passed: true }, null)).toEqual({ kind: 'finished', score: 72, passed: true });
    expect(runStatus({ id: 'a', finished: true, score: 40, passed: false }, 'a')).toEqual({ kind: 'finished', score: 40, passed: false });
    expect(runStatus({ id: 'a', finished: false, score: null, passed: null }, 'a')).toEqual({ kind: 'inProgress' });
    expect(runStatus({ id: 'b', finished: false, score: null, passed: null }, 'a')).toEqual({ kind: 'abandoned' });
  });
});
