/**
 * The flow's worklist (src/engine/core/worklist.ts) in isolation: marked stations come back in
 * the order they were first marked (that order fixes how the settle breaks ties), touched ones
 * once each, and nothing a call left behind survives clearWorklist.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { clearWorklist, markStation, popMarked, popTouched, touchStation } from '../../src/engine/core/worklist';
import type { State } from '../../src/engine/core/state';

/** Just what the worklist reads: how many stations there are. */
function fakeState(stations: number): State {
  return { stations: Array.from({ length: stations }, () => ({})) } as unknown as State;
}

function drain(pop: () => number): number[] {
  const out: number[] = [];
  for (let i = pop(); i >= 0; i = pop()) out.push(i);
  return out;
}

afterEach(() => clearWorklist());

describe('the worklist', () => {
  it('gives marked stations back once each, in the order they were first marked', () => {
    const s = fakeState(10);
    for (const i of [4, 2, 4, 7, 2, 0]) markStation(s, i);
    expect(drain(popMarked)).toEqual([4, 2, 7, 0]);
    // Taken, a station can be marked again and comes back again.
    markStation(s, 4);
    expect(drain(popMarked)).toEqual([4]);
  });

  it('keeps touched stations apart from marked ones, once each', () => {
    const s = fakeState(10);
    touchStation(s, 3);
    touchStation(s, 5);
    touchStation(s, 3);
    markStation(s, 8);
    expect(drain(popMarked)).toEqual([8]);
    expect(drain(popTouched).sort()).toEqual([3, 5]);
  });

  it('grows with a line bigger than its first arrays', () => {
    const s = fakeState(300);
    for (let i = 299; i >= 0; i--) markStation(s, i);
    for (let i = 0; i < 300; i++) touchStation(s, i);
    const marked = drain(popMarked);
    expect(marked).toHaveLength(300);
    expect(marked[0]).toBe(299);
    expect(marked[299]).toBe(0);
    expect(drain(popTouched)).toHaveLength(300);
  });

  it('forgets everything a call left behind (an engine call that threw midway)', () => {
    const s = fakeState(10);
    markStation(s, 1);
    markStation(s, 6);
    touchStation(s, 2);
    clearWorklist();
    expect(popMarked()).toBe(-1);
    expect(popTouched()).toBe(-1);
    // And the flags went with them: the same stations can be marked and touched afresh.
    markStation(s, 6);
    touchStation(s, 2);
    expect(drain(popMarked)).toEqual([6]);
    expect(drain(popTouched)).toEqual([2]);
  });
});
