/**
 * The store adapts the engine to React. The engine itself runs in the engine service (a Web
 * Worker in the browser, so a heavy line never stalls the frames); the store paces it by the
 * wall clock at the chosen speed, sends the user's commands (the service stamps their tick),
 * keeps the command log, and publishes an Observation a few times a second. Components read
 * slices through selectors; the 3D view reads the latest scene frame through `frame`, once
 * per animation frame, never through React.
 */
import { createStore } from 'zustand/vanilla';
import { type Command, type LineModel, type Observation, TICKS_PER_SECOND } from '../engine';
import { describeErrors, loadScenarioJson, type ScenarioFile } from '../scenario';
import { defaultHost, type EngineHost } from '../session/engine-host';
import type { SceneFrame, UserCommand } from '../session/engine-protocol';
import { makeSession, type SessionFile } from '../session/session-file';
import { createHistory, type History, recordHistory } from './history';

export type { UserCommand };
export const SPEEDS = [1, 2, 5, 10, 60] as const;
/** The most simulated time one frame may ask for, so a slow frame never stalls the page. */
const MAX_TICKS_PER_FRAME = 600 * TICKS_PER_SECOND;
const PUBLISH_MS = 200;

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
  /** Continue a saved run: rebuild it from its command log, paused at the tick it reached. */
  resume(raw: unknown, commands: readonly Command[], tick: number): boolean;
  begin(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  setSpeed(speed: number): void;
  select(station: string | null): void;
  send(command: UserCommand): void;
  /** Build the session file of the run so far (scenario, seed, commands, checkpoint hashes). */
  exportSession(): Promise<SessionFile | null>;
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

/** What the 3D view reads each frame, without React. */
export interface FrameSource {
  scene: SceneFrame | null;
  model: LineModel | null;
  /** Fraction of a tick elapsed since the last advance, for smooth motion between ticks. */
  alpha: number;
  speed: number;
  running: boolean;
}

export function createSimStore(clock: Clock = browserClock, host: EngineHost = defaultHost()) {
  let model: LineModel | null = null;
  let known = 0;
  let pending = 0;
  let inFlight = false;
  let last = 0;
  let carry = 0;
  let lastPublish = -Infinity;
  let looping = false;
  const frame: FrameSource = { scene: null, model: null, alpha: 0, speed: 10, running: false };
  let history: History = createHistory();
  const exportWaiters: ((s: SessionFile | null) => void)[] = [];

  const store = createStore<SimStore>()((set, get) => {
    const request = (to: number, observe: boolean) => {
      inFlight = true;
      host.post({ type: 'run', to, observe });
    };
    const loop = () => {
      if (!get().running || model === null) {
        looping = false;
        frame.running = false;
        return;
      }
      const now = clock.now();
      carry += ((now - last) / 1000) * TICKS_PER_SECOND * get().speed;
      last = now;
      const steps = Math.floor(carry);
      carry -= steps;
      pending = Math.min(pending + steps, MAX_TICKS_PER_FRAME);
      frame.alpha = carry;
      // One request in flight at a time: if the engine is behind, time waits for it.
      if (!inFlight && pending > 0) {
        const to = Math.min(known + pending, model.durationTicks);
        pending = 0;
        const observe = now - lastPublish >= PUBLISH_MS;
        if (observe) lastPublish = now;
        request(to, observe);
      }
      clock.frame(loop);
    };
    host.listen((m) => {
      switch (m.type) {
        case 'frame': {
          inFlight = false;
          frame.scene = m.scene;
          known = m.scene.tick;
          if (m.observation !== null) {
            const grew = recordHistory(history, m.observation);
            set((prev) => ({ observation: m.observation, historyVersion: prev.historyVersion + (grew ? 1 : 0) }));
          }
          if (model !== null && known >= model.durationTicks && !get().ended) {
            set({ ended: true });
            if (m.observation === null) request(known, true);
            if (get().phase === 'running') get().finish();
          }
          return;
        }
        case 'commandResult':
          set((prev) => ({ commands: [...prev.commands, m.command], refusal: m.accepted ? null : m.reason }));
          return;
        case 'checkpoints': {
          const waiter = exportWaiters.shift();
          const sc = get().scenario;
          if (waiter && sc) waiter(makeSession(sc, sc.seed, get().commands, m.tick, m.checkpoints));
          return;
        }
        case 'error':
          set({ error: m.message, running: false });
          return;
      }
    });
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
        frame.model = model;
        frame.scene = null;
        frame.alpha = 0;
        known = 0;
        pending = 0;
        carry = 0;
        inFlight = true;
        history = createHistory();
        set({ scenario: result.scenario, error: null, observation: null, running: false, ended: false, selected: null, refusal: null, commands: [], phase: 'briefing', historyVersion: 0 });
        host.post({ type: 'load', scenario: result.scenario });
        return true;
      },
      resume(raw, commands, tick) {
        if (!get().load(raw)) return false;
        inFlight = true;
        set({ commands: [...commands], phase: 'running' });
        host.post({ type: 'resume', scenario: get().scenario, commands, tick });
        return true;
      },
      begin() {
        if (model === null) return;
        set({ phase: 'running' });
        get().play();
      },
      play() {
        if (model === null || get().ended) return;
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
        pending = 0;
        if (model !== null) request(known, true);
      },
      togglePlay() {
        if (get().running) get().pause();
        else get().play();
      },
      step() {
        if (model === null || get().ended) return;
        get().pause();
        request(Math.min(known + TICKS_PER_SECOND, model.durationTicks), true);
      },
      setSpeed(speed) {
        frame.speed = speed;
        set({ speed });
      },
      select(station) {
        set({ selected: station, refusal: null });
      },
      send(command) {
        if (model === null) return;
        host.post({ type: 'command', command });
      },
      exportSession() {
        if (model === null) return Promise.resolve(null);
        return new Promise((resolve) => {
          exportWaiters.push(resolve);
          host.post({ type: 'checkpoints' });
        });
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
