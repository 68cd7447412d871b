import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, apply, type Command, createState, type LineModel, restore, snapshot, type State, stateHash } from '../../src/engine';
import { modelOf, partsInside } from '../helpers';
import { buildScenario, commandLog, lineShape } from './gen';

const END = 54_000;
const CHECKPOINTS = [0, 3_000, 9_000, 20_000, 36_000, END];

/** Run the log, calling `at` at every checkpoint tick and after every command. */
function runWith(model: LineModel, seed: number, log: readonly Command[], at: (s: State, label: string) => void): State {
  const s = createState(model, seed);
  let c = 0;
  for (const cp of CHECKPOINTS) {
    while (c < log.length && log[c]!.tick <= cp) {
      apply(s, log[c]!);
      at(s, `after command ${c}`);
      c++;
    }
    advance(s, cp);
    at(s, `tick ${cp}`);
  }
  return s;
}

function conserved(s: State): boolean {
  const l = s.line;
  return l.released === partsInside(s) + l.good + l.scrap + l.consumed;
}

const arbitraryRun = lineShape.chain((shape) => {
  const model = modelOf(buildScenario(shape));
  return fc.tuple(fc.constant(shape), commandLog(model.stations.map((x) => x.id), model.alarms.map((a) => a.id)), fc.integer({ min: 1, max: END - 1 }));
});

describe('replays (property tests over random lines, faults and command logs)', () => {
  it('the same inputs give the same hashes; every part is accounted for at every checkpoint', () => {
    fc.assert(
      fc.property(arbitraryRun, ([shape, log]) => {
        const model = modelOf(buildScenario(shape));
        const hashesA: string[] = [];
        const hashesB: string[] = [];
        runWith(model, shape.seed, log, (s, label) => {
          hashesA.push(stateHash(s));
          if (!conserved(s)) throw new Error(`parts not conserved at ${label}: released ${s.line.released}, inside ${partsInside(s)}, good ${s.line.good}, scrap ${s.line.scrap}, consumed ${s.line.consumed}`);
        });
        runWith(model, shape.seed, log, (s) => hashesB.push(stateHash(s)));
        expect(hashesB).toEqual(hashesA);
      }),
      { numRuns: 40 },
    );
  });

  it('restoring a snapshot and continuing gives the same hashes as never stopping', () => {
    fc.assert(
      fc.property(arbitraryRun, ([shape, log, cut]) => {
        const model = modelOf(buildScenario(shape));
        const straight = createState(model, shape.seed);
        const resumed = createState(model, shape.seed);
        let restoredOnce = false;
        let current = resumed;
        const check = (t: number) => {
          advance(straight, t);
          if (!restoredOnce && t >= cut) {
            advance(current, cut);
            current = restore(model, snapshot(current));
            restoredOnce = true;
          }
          advance(current, t);
          expect(stateHash(current)).toBe(stateHash(straight));
        };
        for (const c of log) {
          check(c.tick);
          const a = apply(straight, c);
          const b = apply(current, c);
          expect(b).toEqual(a);
        }
        check(END);
        expect(snapshot(current)).toBe(snapshot(straight));
      }),
      { numRuns: 40 },
    );
  });

  it('another seed gives another run', () => {
    fc.assert(
      fc.property(lineShape, (shape) => {
        const model = modelOf(buildScenario(shape));
        const a = createState(model, shape.seed);
        const b = createState(model, (shape.seed + 1) >>> 0);
        advance(a, END);
        advance(b, END);
        expect(stateHash(a)).not.toBe(stateHash(b));
      }),
      { numRuns: 15 },
    );
  });
});
