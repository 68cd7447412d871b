/**
 * The store's long work: opening a replay, resuming a run, the debrief's analysis and a
 * comparison show how far they are and can be cancelled, which leads back to the library.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Progress } from '../../src/assessment';
import type { Analyser, AnalysisOutcome } from '../../src/session/analysis-client';
import { localHost, type EngineHost } from '../../src/session/engine-host';
import type { EngineReply, FromEngine, ToEngine } from '../../src/session/engine-protocol';
import { loadSessionText } from '../../src/session/session-file';
import { scoreSession } from '../../src/session/verify';
import { createSimStore } from '../../src/store/sim-store';
import { manualClock } from '../manual-clock';

const loaded = loadSessionText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
if (!loaded.ok) throw new Error('golden session does not load');
const session = loaded.session;

/** An engine host the test answers by hand, as a busy worker would, later. */
function fakeHost() {
  const posted: ToEngine[] = [];
  let handler: (m: FromEngine) => void = () => undefined;
  let restarts = 0;
  const host: EngineHost = {
    post: (m) => {
      posted.push(m);
    },
    listen: (h) => {
      handler = h;
    },
    restart: () => {
      restarts += 1;
    },
  };
  /** A reply, by default to the last request (`re` names another). */
  const emit = (m: EngineReply, re = posted.at(-1)?.id ?? 0) => handler({ ...m, re } as FromEngine);
  return { host, posted, emit, restarts: () => restarts };
}

/** An analyser whose jobs wait until the test ends them. */
function heldAnalyser() {
  const held: { kind: string; progress: Progress | undefined; finish: (o: AnalysisOutcome<unknown>) => void; cancelled: boolean }[] = [];
  const analyser = ((job: { kind: string }, progress?: Progress) => {
    let finish: (o: AnalysisOutcome<unknown>) => void = () => undefined;
    const done = new Promise<AnalysisOutcome<unknown>>((resolve) => {
      finish = resolve;
    });
    const entry = { kind: job.kind, progress, finish, cancelled: false };
    held.push(entry);
    return {
      done,
      cancel: () => {
        entry.cancelled = true;
        finish({ ok: false, cancelled: true, message: 'cancelled' });
      },
    };
  }) as Analyser;
  return { analyser, held };
}

describe('long work in the store', () => {
  it('opening a replay shows its progress; Cancel restarts the engine and goes back to the library', () => {
    const f = fakeHost();
    const store = createSimStore(manualClock().clock, f.host);
    expect(store.getState().openReplay(session)).toBe(true);
    expect(f.posted.at(-1)?.type).toBe('openReplay');
    expect(store.getState().job).toEqual({ what: 'replay', fraction: 0 });
    f.emit({ type: 'progress', fraction: 0.4 });
    expect(store.getState().job?.fraction).toBe(0.4);
    f.emit({ type: 'progress', fraction: 0.2 });
    expect(store.getState().job?.fraction).toBe(0.4);
    store.getState().cancelJob();
    expect(f.restarts()).toBe(1);
    expect(store.getState()).toEqual(expect.objectContaining({ phase: 'library', replay: null, job: null }));
    // The library can open the next one at once.
    expect(store.getState().openReplay(session)).toBe(true);
    expect(store.getState().job).toEqual({ what: 'replay', fraction: 0 });
  });

  it('a replay that opens ends its job; a resumed run ends it when the rebuilt state answers', () => {
    const store = createSimStore(manualClock().clock, localHost());
    store.getState().openReplay(session);
    expect(store.getState().job).toBeNull();
    expect(store.getState().replay?.ready).toBe(true);
    const f = fakeHost();
    const resumed = createSimStore(manualClock().clock, f.host);
    resumed.getState().resume(session.scenario, session.commands, 20_000);
    expect(resumed.getState().job).toEqual({ what: 'resume', fraction: 0 });
    f.emit({ type: 'progress', fraction: 0.7 });
    expect(resumed.getState().job?.fraction).toBe(0.7);
    // The frame of the load that comes first is not the rebuilt run.
    const load = f.posted.find((m) => m.type === 'load')!.id;
    f.emit({ type: 'frame', scene: { tick: 0, stations: [] }, observation: null }, load);
    expect(resumed.getState().job?.what).toBe('resume');
    f.emit({ type: 'checkpoints', tick: 20_000, checkpoints: [{ tick: 20_000, hash: '0123456789abcdef' }] });
    expect(resumed.getState().job).toBeNull();
    expect(resumed.getState().resumed?.tick).toBe(20_000);
  });

  it('a comparison shows its progress and a cancelled one never lands', async () => {
    const a = heldAnalyser();
    const store = createSimStore(manualClock().clock, localHost(), a.analyser);
    expect(store.getState().compare(session, session)).toBe(true);
    expect(store.getState()).toEqual(expect.objectContaining({ phase: 'compare', comparison: null, job: { what: 'compare', fraction: 0 } }));
    a.held[0]!.progress?.(0.25);
    expect(store.getState().job?.fraction).toBe(0.25);
    store.getState().cancelJob();
    expect(a.held[0]!.cancelled).toBe(true);
    expect(store.getState()).toEqual(expect.objectContaining({ phase: 'library', comparison: null, job: null }));
    // A second comparison that finishes lands; a failed one says why.
    store.getState().compare(session, session);
    a.held[1]!.finish({ ok: true, value: { kind: 'compare', sides: ['left', 'right'] } });
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().comparison).toEqual(['left', 'right']);
    expect(store.getState().job).toBeNull();
    store.getState().compare(session, session);
    a.held[2]!.finish({ ok: false, cancelled: false, message: 'a session to compare does not load' });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState()).toEqual(expect.objectContaining({ phase: 'library', error: 'a session to compare does not load', job: null }));
  });

  it('finishing a drill analyses it once for the debrief, with the score the session file gives', async () => {
    const store = createSimStore(manualClock().clock, localHost());
    store.getState().load(session.scenario);
    store.getState().begin();
    store.getState().pause();
    for (let k = 0; k < 30; k++) store.getState().step();
    store.getState().finish();
    expect(store.getState().phase).toBe('debrief');
    for (let k = 0; k < 20 && store.getState().debrief === null; k++) await new Promise((r) => setTimeout(r, 0));
    const file = await store.getState().exportSession();
    expect(store.getState().debrief?.assessment).toEqual(scoreSession(file!));
    expect(store.getState().job).toBeNull();
  });

  it('running on to the end of the shift plays the rest at once with no new command, then opens the debrief', async () => {
    const store = createSimStore(manualClock().clock, localHost());
    store.getState().load(session.scenario);
    store.getState().begin();
    store.getState().pause();
    for (let k = 0; k < 30; k++) store.getState().step();
    store.getState().send({ type: 'lockOut', station: 'M1' });
    const commands = store.getState().commands.length;
    store.getState().runToEnd();
    expect(store.getState()).toEqual(expect.objectContaining({ ended: true, phase: 'debrief', running: false }));
    const file = await store.getState().exportSession();
    const duration = store.getState().observation!.tick;
    expect(file!.endTick).toBe(duration);
    expect(duration).toBe(2 * 3600 * 10); // the drill's two-hour shift
    expect(file!.commands).toHaveLength(commands);
    // The debrief's charts are sampled over the whole shift by the analysis, with no gap where time jumped.
    for (let k = 0; k < 50 && store.getState().debrief === null; k++) await new Promise((r) => setTimeout(r, 0));
    const ticks = store.getState().debrief!.kpis.ticks;
    expect(ticks.at(-1)).toBe(duration);
    const gaps = ticks.slice(1).map((t, k) => t - ticks[k]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * Math.min(...gaps));
    // A run already over, or not begun, is left as it is.
    store.getState().runToEnd();
    expect(store.getState().phase).toBe('debrief');
  });
});
