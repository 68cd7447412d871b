import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, type Command, stateHash } from '../../src/engine';
import type { ScenarioFile } from '../../src/scenario';
import { localHost } from '../../src/session/engine-host';
import type { Checkpoint } from '../../src/session/record';
import { replay } from '../../src/session/record';
import { buildReplayIndex, playForward, seekIndex } from '../../src/session/replay-index';
import { makeSession } from '../../src/session/session-file';
import { compile } from '../helpers';
import { buildScenario, commandLog, lineShape } from './gen';

const END = 54_000;

/**
 * Record a run the way the app does: the engine service advanced in uneven steps (frames at
 * varying speed), each command sent when its tick is reached and stamped by the service.
 */
function recordLive(scenario: ScenarioFile, log: readonly Command[], stepSeed: number): { commands: Command[]; checkpoints: readonly Checkpoint[] } {
  const host = localHost();
  let requests = 0;
  const commands: Command[] = [];
  let checkpoints: readonly Checkpoint[] = [];
  let tick = 0;
  host.listen((m) => {
    if (m.type === 'frame') tick = m.scene.tick;
    if (m.type === 'commandResult') commands.push(m.command);
    if (m.type === 'checkpoints') checkpoints = m.checkpoints;
  });
  host.post({ id: ++requests, type: 'load', scenario });
  let step = (stepSeed % 900) + 7;
  const runTo = (to: number) => {
    while (tick < to) {
      host.post({ id: ++requests, type: 'run', to: Math.min(to, tick + step), observe: step % 3 === 0 });
      step = ((step * 7919) % 1499) + 3;
    }
  };
  for (const c of log) {
    runTo(c.tick);
    const { tick: _t, ...rest } = c;
    host.post({ id: ++requests, type: 'command', command: rest as never });
  }
  runTo(END);
  host.post({ id: ++requests, type: 'checkpoints' });
  return { commands, checkpoints };
}

/** A random line, a random command log, its session (recorded by straight replay) and two ticks. */
const arbitrarySession = lineShape.chain((shape) => {
  const { model, scenario } = compile(buildScenario(shape));
  return fc.record({
    model: fc.constant(model),
    scenario: fc.constant(scenario),
    log: commandLog(model.stations.map((x) => x.id), model.alarms.map((a) => a.id)),
    a: fc.integer({ min: 0, max: END }),
    b: fc.integer({ min: 0, max: END }),
    stepSeed: fc.nat(),
  });
});

describe('seek and take-over (property tests over random lines and command logs)', () => {
  it('live hashes equal replay hashes at every checkpoint; seeking to T then playing equals playing straight', () => {
    fc.assert(
      fc.property(arbitrarySession, ({ model, scenario, log, a, b, stepSeed }) => {
        const live = recordLive(scenario, log, stepSeed);
        expect(live.commands.map((c) => c.tick)).toEqual(log.map((c) => c.tick));
        const session = makeSession(scenario, scenario.seed, live.commands, END, live.checkpoints);
        expect(live.checkpoints.length).toBe(Math.floor(END / 6000) + 1);
        const index = buildReplayIndex(model, session);
        expect(index.verification).toEqual({ kind: 'reproduces', reproduces: true, recordedWith: null });
        expect(replay(model, scenario.seed, live.commands, END).checkpoints).toEqual(live.checkpoints);
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
