import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stateHash } from '../../src/engine';
import { replay } from '../../src/session/record';
import { buildReplayIndex, playForward, seekIndex } from '../../src/session/replay-index';
import { loadSessionText } from '../../src/session/session-file';
import { modelOf } from '../helpers';

const golden = loadSessionText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
if (!golden.ok) throw new Error('golden session does not load');
const session = golden.session;
const model = modelOf(session.scenario as never);
const index = buildReplayIndex(model, session);

describe('replay index of a recorded session', () => {
  it('reproduces the recorded hashes and keeps keyframes across the whole session', () => {
    expect(index.verification).toEqual({ kind: 'reproduces', reproduces: true, recordedWith: null });
    expect(index.keyframes[0]!.tick).toBe(0);
    expect(index.keyframes.at(-1)!.tick).toBe(session.endTick);
    for (let k = 1; k < index.keyframes.length; k++) expect(index.keyframes[k]!.tick).toBeGreaterThan(index.keyframes[k - 1]!.tick);
  });

  it('marks every command once, in order, with its verdict', () => {
    const commands = index.markers.filter((m) => m.kind === 'command');
    expect(commands.map((m) => (m.kind === 'command' ? m.index : -2))).toEqual(session.commands.map((_, k) => k));
    for (const m of commands) if (m.kind === 'command') expect(m.tick).toBe(session.commands[m.index]!.tick);
  });

  it('marks the fault, the alarm it raises, the station stopping and the score events', () => {
    const fault = index.markers.find((m) => m.kind === 'fault' && m.edge === 'onset');
    expect(fault).toBeDefined();
    const truthOnset = index.assessment.faults[0]!.onsetSeconds * 10;
    expect(fault!.tick).toBe(truthOnset);
    expect(index.markers.some((m) => m.kind === 'alarm' && m.tick >= fault!.tick)).toBe(true);
    expect(index.markers.some((m) => m.kind === 'state' && m.tick >= fault!.tick)).toBe(true);
    const scored = index.markers.filter((m) => m.kind === 'score').map((m) => (m.kind === 'score' ? m.what : ''));
    expect(scored).toEqual(expect.arrayContaining(['detect', 'diagnose', 'restore']));
    for (let k = 1; k < index.markers.length; k++) expect(index.markers[k]!.tick).toBeGreaterThanOrEqual(index.markers[k - 1]!.tick);
  });

  it('samples line KPIs along the session', () => {
    expect(index.kpis.ticks.length).toBeGreaterThan(10);
    expect(index.kpis.ticks.at(-1)).toBe(session.endTick);
    expect(index.kpis.good.at(-1)).toBe(index.assessment.goodParts);
  });

  it('seeking anywhere gives the state a straight replay reaches', () => {
    for (const tick of [0, 1, 2999, 3000, 3001, 12_345, session.commands[2]!.tick, session.commands[2]!.tick - 1, session.endTick]) {
      const straight = replay(model, session.seed, session.commands, tick).state;
      const { state, applied } = seekIndex(index, tick);
      expect(stateHash(state), `tick ${tick}`).toBe(stateHash(straight));
      expect(applied).toBe(session.commands.filter((c) => c.tick <= tick).length);
    }
  });

  it('seeking backwards and playing forwards again lands on the same state', () => {
    const late = seekIndex(index, 40_000);
    const early = seekIndex(index, 9_000);
    const applied = playForward(early.state, session.commands, early.applied, 40_000);
    expect(applied).toBe(late.applied);
    expect(stateHash(early.state)).toBe(stateHash(late.state));
  });

  it('reports an edited session with the first tick where it diverges', () => {
    const edited = { ...session, commands: session.commands.map((c, k) => (k === 1 ? { ...c, tick: c.tick + 50 } : c)) };
    const v = buildReplayIndex(model, edited, { keyframes: false }).verification;
    expect(v.kind).toBe('diverges');
    if (v.kind === 'diverges') expect(v.firstDivergentTick).toBeGreaterThan(session.commands[1]!.tick);
  });
});

describe('checkpoint comparison', () => {
  it('pairs two checkpoints at one tick in order (a command stamped on the last checkpoint tick)', async () => {
    const { compareCheckpoints } = await import('../../src/session/record');
    const recorded = [
      { tick: 6000, hash: 'a' },
      { tick: 6000, hash: 'b' },
    ];
    expect(compareCheckpoints(recorded, recorded)).toEqual({ kind: 'reproduces', reproduces: true });
    expect(compareCheckpoints(recorded, [recorded[0]!, { tick: 6000, hash: 'c' }])).toMatchObject({ reproduces: false, firstDivergentTick: 6000, expected: 'b', got: 'c' });
    expect(compareCheckpoints(recorded, [{ tick: 6000, hash: 'b' }])).toMatchObject({ reproduces: false, expected: 'a' });
  });

  it('a session whose last command lands exactly on a checkpoint tick verifies', () => {
    const at = 12_000;
    const commands = [...session.commands.filter((c) => c.tick < at), { type: 'ackAlarm' as const, tick: at, alarm: 'M1.stopped' }];
    const recorded = replay(model, session.seed, commands, at);
    const file = { ...session, commands, endTick: at, checkpoints: recorded.checkpoints };
    expect(recorded.checkpoints.filter((c) => c.tick === at)).toHaveLength(2);
    expect(buildReplayIndex(model, file).verification).toEqual({ kind: 'reproduces', reproduces: true, recordedWith: null });
  });
});
