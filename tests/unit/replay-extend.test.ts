import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stateHash } from '../../src/engine';
import { buildReplayIndex, extendReplayIndex, seekIndex } from '../../src/session/replay-index';
import { loadSessionText, type SessionFile } from '../../src/session/session-file';
import { modelOf } from '../helpers';

const golden = loadSessionText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
if (!golden.ok) throw new Error('golden session does not load');
const whole = golden.session;
const model = modelOf(whole.scenario as never);

/** The session as a school server gives a live run of it: as far as `tick`. */
const soFar = (tick: number): SessionFile => ({ ...whole, endTick: tick, commands: whole.commands.filter((c) => c.tick <= tick), checkpoints: whole.checkpoints.filter((c) => c.tick <= tick && c.tick < whole.endTick) });

describe('a followed run’s replay index, grown as the run goes on', () => {
  // The mill breaks down at 10 min; the student acts from 11 min. Grown in four steps, one of them mid-way through the repairs.
  const steps = [6300, 6300, 6950, 9000, whole.endTick];
  let grown = buildReplayIndex(model, soFar(steps[0]!));
  for (const [k, tick] of steps.slice(1).entries()) {
    const next = extendReplayIndex(grown, soFar(tick), k === steps.length - 2);
    if (next === null) throw new Error(`not extended at ${tick}`);
    if (tick === steps[k]) expect(next).toBe(grown);
    grown = next;
  }
  const fresh = buildReplayIndex(model, whole);

  it('ends as the index of the whole run: same markers, verdict, assessment and states at every moment', () => {
    expect(grown.endTick).toBe(whole.endTick);
    expect(grown.verification).toEqual({ kind: 'reproduces', reproduces: true, recordedWith: null });
    expect(grown.markers).toEqual(fresh.markers);
    expect(grown.assessment).toEqual(fresh.assessment);
    for (const tick of [0, 3000, 6299, 6300, 6301, 6950, 7000, 8999, 9000, 12_345, whole.endTick]) expect(stateHash(seekIndex(grown, tick).state), `tick ${tick}`).toBe(stateHash(seekIndex(fresh, tick).state));
    // Every KPI sample on the way was true at its tick (the intermediate ends add samples of their own).
    for (const [k, t] of grown.kpis.ticks.entries()) {
      const j = fresh.kpis.ticks.indexOf(t);
      if (j >= 0) expect(grown.kpis.good[k]).toBe(fresh.kpis.good[j]);
    }
  });

  it('keeps the old assessment until asked to redo it, and refuses what does not continue the indexed run', () => {
    const early = buildReplayIndex(model, soFar(6300));
    const later = extendReplayIndex(early, soFar(9000), false)!;
    expect(later.assessment).toBe(early.assessment);
    expect(extendReplayIndex(later, soFar(9000), true)!.assessment).toEqual(buildReplayIndex(model, soFar(9000)).assessment);
    // Shorter, another seed, or a command changed before the old end: built afresh by the caller.
    expect(extendReplayIndex(later, soFar(6300), false)).toBeNull();
    expect(extendReplayIndex(later, { ...soFar(12_000), seed: whole.seed + 1 }, false)).toBeNull();
    const changed = soFar(12_000);
    expect(extendReplayIndex(later, { ...changed, commands: changed.commands.map((c, k) => (k === 0 ? { ...c, tick: c.tick + 1 } : c)) }, false)).toBeNull();
  });
});
