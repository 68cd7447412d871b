import { describe, expect, it } from 'vitest';
import { deliveryOf } from '../../src/ui/class-state';

describe('what the class panel says before the first round', () => {
  it('runs not yet all sent are on their way; only with none left has everything reached the class', () => {
    expect(deliveryOf({})).toEqual({ state: 'sent' });
    expect(deliveryOf({ a: { serverRunId: 4, expected: 12, done: true } })).toEqual({ state: 'sent' });
    // A run ended just before the page was left: its end is still owed.
    expect(
      deliveryOf({
        a: { serverRunId: 4, expected: 12, done: true },
        b: { serverRunId: 5, expected: 3, done: false, ended: true },
        c: { serverRunId: null, expected: 0, done: false },
      }),
    ).toEqual({ state: 'sending', waiting: 2 });
  });
});
