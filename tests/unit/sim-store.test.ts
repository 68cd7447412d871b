import type { EngineHost } from '../../src/session/engine-host';
import type { EngineReply, FromEngine, ToEngine } from '../../src/session/engine-protocol';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimStore } from '../../src/store/sim-store';
import { manualClock } from '../manual-clock';


const tutorial = JSON.parse(readFileSync('scenarios/tutorial-line.json', 'utf8'));

describe('the simulation store', () => {
  it('loads a scenario and publishes an observation at tick 0', () => {
    const store = createSimStore(manualClock().clock);
    store.getState().load(tutorial);
    const s = store.getState();
    expect(s.error).toBeNull();
    expect(s.observation?.tick).toBe(0);
    expect(s.observation?.stations.map((x) => x.id)).toEqual(['RAW', 'C1', 'L1', 'B1', 'M1', 'QC', 'OUT']);
  });

  it('advances simulated time by wall time × speed, and not at all while paused', () => {
    const c = manualClock();
    const store = createSimStore(c.clock);
    store.getState().load(tutorial);
    store.getState().setSpeed(10);
    store.getState().play();
    for (let k = 0; k < 10; k++) c.step(250);
    expect(store.getState().observation?.seconds).toBeCloseTo(25, 0);
    store.getState().pause();
    const paused = store.getState().observation?.seconds;
    for (let k = 0; k < 10; k++) c.step(250);
    expect(store.getState().observation?.seconds).toBe(paused);
  });

  it('caps the simulated time one slow frame may advance', () => {
    const c = manualClock();
    const store = createSimStore(c.clock);
    store.getState().load(tutorial);
    store.getState().setSpeed(60);
    store.getState().play();
    c.step(60 * 60 * 1000); // an hour-long frame (a laptop waking from sleep)
    c.step(250);
    expect(store.getState().observation!.seconds).toBeLessThanOrEqual(1200);
  });

  it('records the faceplates a student opens during a drill (once per change), never before it or in a replay', () => {
    const store = createSimStore(manualClock().clock);
    store.getState().load(tutorial);
    store.getState().select('L1');
    store.getState().begin();
    store.getState().pause();
    store.getState().select('M1');
    store.getState().select('M1');
    store.getState().select(null);
    store.getState().select('QC');
    expect(store.getState().commands.map((c) => (c.type === 'openPanel' ? `${c.station} ${c.panel}` : c.type))).toEqual(['M1 faceplate', 'QC faceplate']);
  });

  it('keeps an assignment\'s hints off when its run is resumed after a reload, and a run of one\'s own has them', () => {
    const store = createSimStore(manualClock().clock);
    store.getState().load(tutorial, { hintsAllowed: false });
    expect(store.getState().hintsAllowed).toBe(false);
    store.getState().resume(tutorial, [], 600, { hintsAllowed: false });
    expect(store.getState().hintsAllowed).toBe(false);
    expect(store.getState().phase).toBe('running');
    store.getState().resume(tutorial, [], 600);
    expect(store.getState().hintsAllowed).toBe(true);
  });

  it('keeps the old scenario and shows where a bad one is wrong', () => {
    const store = createSimStore(manualClock().clock);
    store.getState().load(tutorial);
    store.getState().load({ ...tutorial, seed: -4 });
    expect(store.getState().error).toContain('seed');
    expect(store.getState().scenario?.id).toBe('tutorial-line');
  });

  it('steps pressed faster than the engine answers add up (three steps are three seconds)', () => {
    const { posted, answer, host } = answeredByHand();
    const store = createSimStore(manualClock().clock, host);
    store.getState().load(JSON.parse(readFileSync('scenarios/breakdown-drill.json', 'utf8')));
    answer({ type: 'frame', scene: { tick: 0, stations: [] }, observation: null });
    for (let k = 0; k < 3; k++) store.getState().step();
    const runs = posted.flatMap((m) => (m.type === 'run' ? [m.to] : []));
    expect(Math.max(...runs)).toBe(30);
    expect(runs.filter((to) => to > 0)).toEqual([10, 20, 30]);
  });

  it('waits for the frame of its own run: the frame answering a command sent meanwhile does not end the wait', () => {
    const { posted, answer, host } = answeredByHand();
    const clock = manualClock();
    const store = createSimStore(clock.clock, host);
    store.getState().load(JSON.parse(readFileSync('scenarios/breakdown-drill.json', 'utf8')));
    answer({ type: 'frame', scene: { tick: 0, stations: [] }, observation: null });
    store.getState().begin();
    store.getState().play();
    clock.step(100);
    const runs = () => posted.filter((m) => m.type === 'run');
    expect(runs()).toHaveLength(1);
    const run = runs()[0]!;
    store.getState().send({ type: 'packml', station: 'M1', command: 'hold' });
    const command = posted.at(-1)!;
    expect(command.type).toBe('command');
    expect(command.id).not.toBe(run.id);
    // The command's frame arrives first: time still waits for the run's.
    answer({ type: 'frame', scene: { tick: 0, stations: [] }, observation: null }, command.id);
    clock.step(100);
    expect(runs()).toHaveLength(1);
    answer({ type: 'frame', scene: { tick: 1, stations: [] }, observation: null }, run.id);
    clock.step(100);
    expect(runs()).toHaveLength(2);
  });
});

/** An engine host the test answers by hand; replies go to the last request unless `re` says which. */
function answeredByHand() {
  const posted: ToEngine[] = [];
  let handler: (m: FromEngine) => void = () => undefined;
  const host: EngineHost = {
    post: (m) => {
      posted.push(m);
    },
    listen: (h) => {
      handler = h;
    },
    restart: () => undefined,
  };
  const answer = (m: EngineReply, re = posted.at(-1)?.id ?? 0) => handler({ ...m, re } as FromEngine);
  return { posted, answer, host };
}
