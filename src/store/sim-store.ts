/**
 * The store adapts the engine to React: it owns the simulation state (outside React), runs it
 * in a wall-clock loop at a chosen speed, stamps the user's commands with the current tick and
 * records them, and publishes an Observation a few times a second. Components read slices of
 * it through selectors and never touch the engine; the 3D view reads the live state through
 * `frame` once per animation frame, never through React.
 */
import { createStore } from 'zustand/vanilla';
import { advance, apply, type Command, createState, type LineModel, type Observation, observe, type State, TICKS_PER_SECOND } from '../engine';
import { describeErrors, loadScenarioJson, type ScenarioFile } from '../scenario';
import { createHistory, type History, recordHistory } from './history';

export const SPEEDS = [1, 2, 5, 10, 60] as const;
/** The most simulated time one frame may advance, so a slow frame never stalls the page. */
const MAX_TICKS_PER_FRAME = 600 * TICKS_PER_SECOND;
const PUBLISH_MS = 200;

/** A command as the UI sends it: the store stamps the tick. */
export type UserCommand = Command extends infer C ? (C extends Command ? Omit<C, 'tick'> : never) : never;

export type Phase = 'library' | 'briefing' | 'running' | 'debrief';

export interface SimStore {
  readonly phase: Phase;
  readonly scenario: ScenarioFile | null;
  readonly error: string | null;
  readonly observation: Observation | null;
  readonly running: boolean;
  readonly speed: number;
  readonly ended: boolean;
  readonly selected: string | null;
  /** The last command's refusal, in words for the student; null after an accepted one. */
  readonly refusal: string | null;
  readonly commands: readonly Command[];
  /** Bumped whenever history gains points, so charts know to redraw. */
  readonly historyVersion: number;
  load(raw: unknown): boolean;
  begin(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  setSpeed(speed: number): void;
  select(station: string | null): void;
  send(command: UserCommand): boolean;
  finish(): void;
  toLibrary(): void;
}

export type Clock = { now(): number; frame(cb: () => void): void };

const browserClock: Clock = {
  now: () => performance.now(),
  frame: (cb) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(cb);
    else setTimeout(cb, 16);
  },
};

/** What the 3D view reads each frame, without React: the live state and how far into the next tick we are. */
export interface FrameSource {
  state: State | null;
  model: LineModel | null;
  /** Fraction of a tick elapsed since the last advance, for smooth motion between ticks. */
  alpha: number;
  speed: number;
  running: boolean;
}

export function createSimStore(clock: Clock = browserClock) {
  let sim: State | null = null;
  let model: LineModel | null = null;
  let last = 0;
  let carry = 0;
  let lastPublish = 0;
  let looping = false;
  const frame: FrameSource = { state: null, model: null, alpha: 0, speed: 10, running: false };
  let history: History = createHistory();

  const store = createStore<SimStore>()((set, get) => {
    const publish = () => {
      if (sim === null || model === null) return;
      const o = observe(sim, 200);
      const grew = recordHistory(history, o);
      set((prev) => ({ observation: o, ended: sim!.tick >= model!.durationTicks, historyVersion: prev.historyVersion + (grew ? 1 : 0) }));
    };
    const loop = () => {
      if (!get().running || sim === null || model === null) {
        looping = false;
        frame.running = false;
        return;
      }
      const now = clock.now();
      carry += ((now - last) / 1000) * TICKS_PER_SECOND * get().speed;
      last = now;
      const steps = Math.min(Math.floor(carry), MAX_TICKS_PER_FRAME);
      carry = Math.min(carry - steps, MAX_TICKS_PER_FRAME);
      const target = Math.min(sim.tick + steps, model.durationTicks);
      if (target > sim.tick) advance(sim, target);
      frame.alpha = carry - Math.floor(carry);
      if (sim.tick >= model.durationTicks) {
        set({ running: false });
        frame.running = false;
        publish();
        looping = false;
        get().finish();
        return;
      }
      if (now - lastPublish >= PUBLISH_MS) {
        lastPublish = now;
        publish();
      }
      clock.frame(loop);
    };
    return {
      phase: 'library',
      scenario: null,
      error: null,
      observation: null,
      running: false,
      speed: 10,
      ended: false,
      selected: null,
      refusal: null,
      commands: [],
      historyVersion: 0,
      load(raw) {
        const result = loadScenarioJson(raw);
        if (!result.ok) {
          set({ error: describeErrors(result.errors) });
          return false;
        }
        model = result.model;
        sim = createState(model, result.scenario.seed);
        frame.state = sim;
        frame.model = model;
        frame.alpha = 0;
        carry = 0;
        history = createHistory();
        set({ scenario: result.scenario, error: null, running: false, ended: false, selected: null, refusal: null, commands: [], phase: 'briefing', historyVersion: 0 });
        publish();
        return true;
      },
      begin() {
        if (sim === null) return;
        set({ phase: 'running' });
        get().play();
      },
      play() {
        if (sim === null || get().ended) return;
        set({ running: true });
        frame.running = true;
        if (!looping) {
          looping = true;
          last = clock.now();
          clock.frame(loop);
        }
      },
      pause() {
        set({ running: false });
        frame.running = false;
        publish();
      },
      togglePlay() {
        if (get().running) get().pause();
        else get().play();
      },
      step() {
        if (sim === null || model === null || get().ended) return;
        get().pause();
        advance(sim, Math.min(sim.tick + TICKS_PER_SECOND, model.durationTicks));
        publish();
      },
      setSpeed(speed) {
        frame.speed = speed;
        set({ speed });
      },
      select(station) {
        set({ selected: station, refusal: null });
      },
      send(command) {
        if (sim === null) return false;
        const stamped = { ...command, tick: sim.tick } as Command;
        const result = apply(sim, stamped);
        set((prev) => ({ commands: [...prev.commands, stamped], refusal: result.accepted ? null : result.reason }));
        publish();
        return result.accepted;
      },
      finish() {
        set({ phase: 'debrief', running: false });
        frame.running = false;
      },
      toLibrary() {
        get().pause();
        set({ phase: 'library' });
      },
    };
  });
  return { ...store, frame, history: () => history };
}

export type SimStoreApi = ReturnType<typeof createSimStore>;
