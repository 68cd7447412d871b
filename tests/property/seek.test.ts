import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, stateHash } from '../../src/engine';
import { replay } from '../../src/session/record';
import { buildReplayIndex, playForward, seekIndex } from '../../src/session/replay-index';
import { makeSession } from '../../src/session/session-file';
import { compile } from '../helpers';
import { buildScenario, commandLog, lineShape } from './gen';

const END = 54_000;

/** A random line, a random command log, its session (recorded by straight replay) and two ticks. */
const arbitrarySession = lineShape.chain((shape) => {
  const { model, scenario } = compile(buildScenario(shape));
  return fc.record({
    model: fc.constant(model),
    scenario: fc.constant(scenario),
    log: commandLog(model.stations.map((x) => x.id), model.alarms.map((a) => a.id)),
    a: fc.integer({ min: 0, max: END }),
    b: fc.integer({ min: 0, max: END }),
  });
});

describe('seek and take-over (property tests over random lines and command logs)', () => {
  it('live hashes equal replay hashes at every checkpoint; seeking to T then playing equals playing straight', () => {
    fc.assert(
      fc.property(arbitrarySession, ({ model, scenario, log, a, b }) => {
        const recorded = replay(model, scenario.seed, log, END);
        const session = makeSession(scenario, scenario.seed, log, END, recorded.checkpoints);
        const index = buildReplayIndex(model, session);
        expect(index.verification).toEqual({ reproduces: true });
        const [from, to] = a <= b ? [a, b] : [b, a];
        const sought = seekIndex(index, from);
        expect(stateHash(sought.state)).toBe(stateHash(replay(model, scenario.seed, log, from).state));
        playForward(sought.state, log, sought.applied, to);
        expect(stateHash(sought.state)).toBe(stateHash(replay(model, scenario.seed, log, to).state));
      }),
      { numRuns: 30 },
    );
  });

  it('taking over at T continues exactly like the original until the first new command', () => {
    fc.assert(
      fc.property(arbitrarySession, ({ model, scenario, log, a }) => {
        // A take-over rebuilds the branch from the commands up to T (as resuming a run does).
        const prefix = log.filter((c) => c.tick <= a);
        const branch = replay(model, scenario.seed, prefix, a).state;
        const next = log.find((c) => c.tick > a);
        const until = Math.min(END, next === undefined ? END : next.tick - 1);
        advance(branch, Math.max(a, until));
        const original = replay(model, scenario.seed, log, Math.max(a, until)).state;
        expect(stateHash(branch)).toBe(stateHash(original));
      }),
      { numRuns: 30 },
    );
  });
});
