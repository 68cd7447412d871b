/**
 * The store adapts the engine to React: it owns the simulation state (outside React), runs it
 * in a wall-clock loop at a chosen speed, and publishes an Observation a few times a second.
 * Components read the observation through selectors; they never touch the engine.
 */
import { createStore } from 'zustand/vanilla';
import { advance, createState, type LineModel, type Observation, observe, type State, TICKS_PER_SECOND } from '../engine';
import { describeErrors, loadScenarioJson, type ScenarioFile } from '../scenario';

export const SPEEDS = [1, 2, 5, 10, 60] as const;
/** The most simulated time one frame may advance, so a slow frame never stalls the page. */
const MAX_TICKS_PER_FRAME = 600 * TICKS_PER_SECOND;
const PUBLISH_MS = 200;

export interface SimStore {
  readonly scenario: ScenarioFile | null;
  readonly error: string | null;
  readonly observation: Observation | null;
  readonly running: boolean;
  readonly speed: number;
  readonly ended: boolean;
  load(raw: unknown): void;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
}

export type Clock = { now(): number; frame(cb: () => void): void };

const browserClock: Clock = {
  now: () => performance.now(),
  frame: (cb) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(cb);
    else setTimeout(cb, 16);
  },
};

export function createSimStore(clock: Clock = browserClock) {
  let sim: State | null = null;
  let model: LineModel | null = null;
  let last = 0;
  let carry = 0;
  let lastPublish = 0;
  let looping = false;

  const store = createStore<SimStore>()((set, get) => {
    const publish = () => {
      if (sim === null || model === null) return;
      set({ observation: observe(sim, 50), ended: sim.tick >= model.durationTicks });
    };
    const loop = () => {
      if (!get().running || sim === null || model === null) {
        looping = false;
        return;
      }
      const now = clock.now();
      carry += ((now - last) / 1000) * TICKS_PER_SECOND * get().speed;
      last = now;
      const steps = Math.min(Math.floor(carry), MAX_TICKS_PER_FRAME);
      carry = Math.min(carry - steps, MAX_TICKS_PER_FRAME);
      const target = Math.min(sim.tick + steps, model.durationTicks);
      if (target > sim.tick) advance(sim, target);
      if (sim.tick >= model.durationTicks) {
        set({ running: false });
        publish();
        looping = false;
        return;
      }
      if (now - lastPublish >= PUBLISH_MS) {
        lastPublish = now;
        publish();
      }
      clock.frame(loop);
    };
    return {
      scenario: null,
      error: null,
      observation: null,
      running: false,
      speed: 10,
      ended: false,
      load(raw) {
        const result = loadScenarioJson(raw);
        if (!result.ok) {
          set({ error: describeErrors(result.errors) });
          return;
        }
        model = result.model;
        sim = createState(model, result.scenario.seed);
        carry = 0;
        set({ scenario: result.scenario, error: null, running: false, ended: false });
        publish();
      },
      play() {
        if (sim === null || get().ended) return;
        set({ running: true });
        if (!looping) {
          looping = true;
          last = clock.now();
          clock.frame(loop);
        }
      },
      pause() {
        set({ running: false });
        publish();
      },
      setSpeed(speed) {
        set({ speed });
      },
    };
  });
  return store;
}

export type SimStoreApi = ReturnType<typeof createSimStore>;
