import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { observe } from '../../src/engine';
import type { EngineHost } from '../../src/session/engine-host';
import { localHost } from '../../src/session/engine-host';
import type { ToEngine } from '../../src/session/engine-protocol';
import { replay } from '../../src/session/record';
import { loadSessionText } from '../../src/session/session-file';
import { createSimStore } from '../../src/store/sim-store';
import { manualClock } from '../manual-clock';
import { modelOf } from '../helpers';


const loaded = loadSessionText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
if (!loaded.ok) throw new Error('golden session does not load');
const session = loaded.session;
const model = modelOf(session.scenario as never);

describe('replay mode in the store', () => {
  it('opens a session read-only, verified, with markers, and seeks to any tick', () => {
    const store = createSimStore(manualClock().clock);
    expect(store.getState().openReplay(session)).toBe(true);
    const s = store.getState();
    expect(s.phase).toBe('replay');
    expect(s.replay?.ready).toBe(true);
    expect(s.replay?.verification).toEqual({ kind: 'reproduces', reproduces: true, recordedWith: null });
    expect(s.replay?.markers.length).toBeGreaterThan(session.commands.length);
    expect(s.observation?.tick).toBe(0);
    store.getState().seek(20_000);
    expect(store.getState().observation?.tick).toBe(20_000);
    const straight = replay(model, session.seed, session.commands, 20_000).state;
    const faceplate = store.getState().observation!.stations.map((x) => [x.id, x.stateName, x.processed]);
    expect(faceplate).toEqual(straight.stations.map((st, i) => [model.stations[i]!.id, expect.any(String), st.c.processed]));
    // Read-only: a command is ignored, the log stays the recorded one.
    store.getState().send({ type: 'eStop' });
    expect(store.getState().commands).toBe(session.commands);
    expect(store.getState().observation?.eStop).toBe(false);
  });

  it('shows the hour before a moment it jumps to in the trends, from the same run', () => {
    const store = createSimStore(manualClock().clock);
    store.getState().openReplay(session);
    // "Replay from here" at 55 min: the mill's temperature since 00:00 (less than an hour), then
    // at 01:40 the hour before. The charts began at the moment jumped to, with no lead-up.
    store.getState().seek(33_000);
    const early = store.history().sensors.get('M1.temperature')!;
    expect(early.ticks[0]).toBe(0);
    expect(early.ticks.at(-1)).toBe(33_000);
    expect(early.ticks.length).toBe(33_000 / 100 + 1);
    store.getState().seek(60_000);
    const late = store.history().sensors.get('M1.temperature')!;
    expect(late.ticks[0]).toBe(24_000);
    expect(late.ticks.length).toBe(36_000 / 100 + 1);
    // The values are the run's: the same reading as a straight replay to that tick.
    const straight = replay(model, session.seed, session.commands, 30_000).state;
    const reading = observe(straight, 0).stations.find((x) => x.id === 'M1')!.sensors.find((x) => x.id === 'M1.temperature')!.value;
    expect(late.values[late.ticks.indexOf(30_000)]).toBe(reading);
    expect(store.getState().observation?.tick).toBe(60_000);
  });

  it('plays the recorded commands at their ticks, steps backwards, and stops at the end', () => {
    const c = manualClock();
    const store = createSimStore(c.clock);
    store.getState().openReplay(session);
    const firstCommand = session.commands[0]!;
    store.getState().seek(firstCommand.tick - 5);
    store.getState().setSpeed(60);
    store.getState().play();
    for (let k = 0; k < 10; k++) c.step(100);
    expect(store.getState().observation!.tick).toBeGreaterThan(firstCommand.tick);
    expect(store.getState().truth?.faults.length).toBeGreaterThan(0);
    store.getState().stepBy(-1);
    const t = store.getState().observation!.tick;
    store.getState().stepBy(-600);
    expect(store.getState().observation!.tick).toBe(t - 600);
    store.getState().seek(session.endTick - 10);
    store.getState().play();
    for (let k = 0; k < 5; k++) c.step(100);
    expect(store.getState().observation!.tick).toBe(session.endTick);
    expect(store.getState().running).toBe(false);
    expect(store.getState().phase).toBe('replay');
  });

  it('steps pressed while a jump is still on its way add up: two steps back are two ticks', () => {
    // The engine in a worker answers later; here the requests wait until the test lets them through.
    const { host, flush } = heldHost();
    const store = createSimStore(manualClock().clock, host);
    store.getState().openReplay(session);
    flush();
    store.getState().seek(36_000);
    flush();
    store.getState().stepBy(1);
    flush();
    expect(store.getState().observation?.tick).toBe(36_001);
    // Pressed quickly: the second press comes before the first one's frame.
    store.getState().stepBy(-1);
    store.getState().stepBy(-1);
    flush();
    expect(store.getState().observation?.tick).toBe(35_999);
    store.getState().stepBy(-600);
    store.getState().stepBy(600);
    store.getState().stepBy(1);
    flush();
    expect(store.getState().observation?.tick).toBe(36_000);
  });

  it('keeps the instructor notes sorted and writes them into the session file', () => {
    const store = createSimStore(manualClock().clock);
    store.getState().openReplay(session);
    store.getState().seek(9_000);
    store.getState().addNote('Here the alarm rose: who saw it?');
    store.getState().seek(3_000);
    store.getState().addNote('Quiet start');
    store.getState().addNote('   ');
    expect(store.getState().replay?.notes).toEqual([
      { tick: 3_000, text: 'Quiet start' },
      { tick: 9_000, text: 'Here the alarm rose: who saw it?' },
    ]);
    const file = store.getState().replaySession()!;
    expect(file.notes).toHaveLength(2);
    // Notes never change the simulation: same commands and hashes as recorded.
    expect(file.commands).toEqual(session.commands);
    expect(file.checkpoints).toEqual(session.checkpoints);
    store.getState().removeNote(0);
    expect(store.getState().replay?.notes.map((n) => n.tick)).toEqual([9_000]);
  });

  it('takes over at the replayed tick: a live run with the original commands up to there', () => {
    const store = createSimStore(manualClock().clock);
    store.getState().openReplay(session);
    const at = session.commands[2]!.tick + 30;
    store.getState().seek(at);
    const before = store.getState().observation!;
    store.getState().takeOver();
    const s = store.getState();
    expect(s.phase).toBe('running');
    expect(s.replay).toBeNull();
    expect(s.branchOf?.tick).toBe(at);
    expect(s.commands).toEqual(session.commands.filter((c) => c.tick <= at));
    expect(s.observation!.tick).toBe(at);
    expect(s.observation!.stations).toEqual(before.stations);
    // Live again: a new command is accepted and stamped at the take-over tick.
    store.getState().send({ type: 'ackAlarm', alarm: 'no-such-alarm' });
    expect(store.getState().commands.at(-1)).toMatchObject({ type: 'ackAlarm', tick: at });
    expect(s.hintsAllowed).toBe(true);
  });

  it('a run made without hints is replayed, saved and taken over without them', async () => {
    // What the store writes for a run of an assignment with its hints switched off.
    const live = createSimStore(manualClock().clock);
    live.getState().load(session.scenario, { hintsAllowed: false });
    const saved = await live.getState().exportSession();
    expect(saved?.hintsAllowed).toBe(false);
    // Through the file's own schema, as an exported file comes back in.
    const text = loadSessionText(JSON.stringify({ ...session, hintsAllowed: false }));
    if (!text.ok) throw new Error('a session with hints off does not load');
    const noHints = text.session;
    const store = createSimStore(manualClock().clock);
    store.getState().openReplay(noHints);
    expect(store.getState().hintsAllowed).toBe(false);
    expect(store.getState().replaySession()?.hintsAllowed).toBe(false);
    store.getState().seek(session.commands[2]!.tick);
    store.getState().takeOver();
    expect(store.getState().phase).toBe('running');
    expect(store.getState().hintsAllowed).toBe(false);
    // The original is not changed by having been opened without hints: the next replay has them.
    store.getState().openReplay(session);
    expect(store.getState().hintsAllowed).toBe(true);
  });
});

/** The in-process engine, with every request held until `flush` (as a busy worker would). */
function heldHost(): { host: EngineHost; flush: () => void } {
  const inner = localHost();
  const held: ToEngine[] = [];
  const host: EngineHost = {
    post: (m) => {
      held.push(m);
    },
    listen: (h) => inner.listen(h),
    restart: () => inner.restart(),
  };
  const flush = () => {
    while (held.length > 0) inner.post(held.shift()!);
  };
  return { host, flush };
}
