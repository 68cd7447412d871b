/**
 * The store adapts the engine to React. The engine itself runs in the engine service (a Web
 * Worker in the browser, so a heavy line never stalls the frames); the store paces it by the
 * wall clock at the chosen speed, sends the user's commands (the service stamps their tick),
 * keeps the command log, and publishes an Observation a few times a second. Components read
 * slices through selectors; the 3D view reads the latest scene frame through `frame`, once
 * per animation frame, never through React.
 */
import { createStore } from 'zustand/vanilla';
import { type CommandResult, type LineModel, TICKS_PER_SECOND } from '../engine';
import { describeErrors, loadScenarioJson } from '../scenario';
import { type Analyser, defaultAnalyser } from '../session/analysis-client';
import { defaultHost, type EngineHost } from '../session/engine-host';
import type { UserCommand } from '../session/engine-protocol';
import type { CompareSide } from '../session/compare';
import { newSessionId } from '../session/saved-sessions';
import { makeSession, type SessionFile } from '../session/session-file';
import { createCommandWaiters } from './external-commands';
import { createHistory, type History, recordHistory } from '../session/history';
import { jobs } from './jobs';
import { browserClock, createPacer } from './pacer';
import { replayEditing } from './replay-editing';
import { replayMoves } from './replay-moves';
import type { ReplayInfo } from './replay-types';
import type { Clock, FrameSource, SimStore } from './store-types';

export { browserClock } from './pacer';
export type { Clock, FrameSource, Job, Phase, SimStore } from './store-types';
export type { CompareSide, ReplayInfo, UserCommand };
export const SPEEDS = [1, 2, 5, 10, 60] as const;
/** A followed run's view further behind its newest moment than this many seconds of the student's time jumps there. */
const FOLLOW_LAG_WALL_SECONDS = 5;

/** What every newly opened run or replay starts from; each then says what it is. */
const FRESH = {
  error: null,
  hintsAllowed: true,
  observation: null,
  running: false,
  ended: false,
  selected: null,
  refusal: null,
  refusalKey: null,
  lastAccepted: null,
  safetyBreach: null,
  commands: [],
  historyVersion: 0,
  replay: null,
  truth: null,
  branchOf: null,
  runId: null,
  resumed: null,
  rebuiltTo: null,
  job: null,
  debrief: null,
  // Every drill and replay starts at 1×: a speed left at 60× from the last drill hides the start.
  speed: 1,
} satisfies Partial<SimStore>;

export function createSimStore(clock: Clock = browserClock, host: EngineHost = defaultHost(), analyser: Analyser = defaultAnalyser) {
  let model: LineModel | null = null;
  const pacer = createPacer(host);
  const ask = pacer.ask;
  const waits = { waits: true } as const;
  const frame: FrameSource = { scene: null, model: null, alpha: 0, speed: 10, running: false };
  let history: History = createHistory();
  const exportWaiters: ((s: SessionFile | null) => void)[] = [];
  const external = createCommandWaiters();

  const store = createStore<SimStore>()((set, get) => {
    /** A new model in the engine: the frame, pacing and view history start again at tick 0. */
    /** The tick a replay was asked to open at, taken when its index is ready. */
    let startAt = 0;
    /** The instructor moved the view themselves: it no longer moves with the live run. */
    const stopFollowing = () => {
      const r = get().replay;
      if (r?.live?.following) set({ replay: { ...r, live: { ...r.live, following: false } } });
    };
    const startFresh = (m: LineModel) => {
      // A caller still waiting on the previous run hears that it is gone.
      external.refuseAll('The run was closed before the command was applied.');
      model = m;
      frame.model = m;
      frame.scene = null;
      frame.alpha = 0;
      frame.speed = FRESH.speed;
      pacer.reset();
      history = createHistory();
    };
    /** The last tick time may reach: the scenario's end, or the end of the replayed session. */
    const limit = () => {
      const r = get().replay;
      return r !== null && get().phase === 'replay' ? r.endTick : (model?.durationTicks ?? 0);
    };
    const request = (to: number, observe: boolean) => pacer.run(to, observe);
    /** Replay: show the state at a tick (keyframe + forward simulation in the engine). */
    const jump = (tick: number) => {
      const r = get().replay;
      if (r === null || get().phase !== 'replay') return;
      const to = Math.max(0, Math.min(Math.round(tick), r.endTick));
      pacer.jumpTo(to);
      // The trends start again: the engine sends the hour before the moment with its frame.
      history = createHistory();
      set((prev) => ({ historyVersion: prev.historyVersion + 1 }));
      ask({ type: 'seek', tick: to }, waits);
    };
    /** Following a live run: play towards its newest moment at the student's pace; jump when far behind. */
    const keepUp = () => {
      const r = get().replay;
      if (r?.live == null || !r.ready) return;
      const ahead = pacer.heading;
      if (ahead < r.endTick - FOLLOW_LAG_WALL_SECONDS * TICKS_PER_SECOND * Math.max(1, r.live.speed)) jump(r.endTick);
      if (get().speed !== r.live.speed) get().setSpeed(r.live.speed);
      if (!get().running && pacer.heading < r.endTick) startClock();
    };
    /** Time runs: the frame loop starts if it is not going already. */
    const startClock = () => {
      set({ running: true });
      frame.running = true;
      if (pacer.start(clock.now())) clock.frame(loop);
    };
    const loop = () => {
      if (!get().running || model === null) {
        pacer.stop();
        frame.running = false;
        return;
      }
      const next = pacer.frameAt(clock.now(), get().speed, limit());
      frame.alpha = pacer.alpha;
      if (next !== null) request(next.to, next.observe);
      clock.frame(loop);
    };
    host.listen((m) => {
      switch (m.type) {
        case 'history':
          // A resumed run's trends, rebuilt with it (the frame at the resumed tick comes next).
          history = m.history;
          set((prev) => ({ historyVersion: prev.historyVersion + 1 }));
          return;
        case 'frame': {
          pacer.answered(m.re, m.scene.tick);
          frame.scene = m.scene;
          const known = pacer.known;
          if (m.observation !== null) {
            const grew = recordHistory(history, m.observation);
            set((prev) => ({ observation: m.observation, historyVersion: prev.historyVersion + (grew ? 1 : 0) }));
          }
          if (m.truth !== undefined) set({ truth: m.truth });
          if (get().phase === 'replay') {
            // The end of a replay only stops the clock: the instructor may seek back.
            if (known >= limit() && get().running) {
              set({ running: false });
              frame.running = false;
            }
            return;
          }
          if (model !== null && known >= model.durationTicks && !get().ended) {
            set({ ended: true });
            if (m.observation === null) request(known, true);
            if (get().phase === 'running') get().finish();
          }
          return;
        }
        case 'commandResult':
          external.settle(m.re, { accepted: m.accepted, reason: m.reason, refusal: m.refusal });
          set((prev) => ({
            commands: [...prev.commands, m.command],
            refusal: m.accepted ? null : m.reason,
            refusalKey: m.accepted ? null : m.refusal,
            lastAccepted: m.accepted ? m.command : prev.lastAccepted,
            safetyBreach: m.breach ? m.command : prev.safetyBreach,
          }));
          return;
        case 'checkpoints': {
          const waiter = exportWaiters.shift();
          const sc = get().scenario;
          if (waiter && sc) waiter(makeSession(sc, sc.seed, get().commands, m.tick, m.checkpoints, { hintsAllowed: get().hintsAllowed }));
          return;
        }
        case 'progress': {
          const j = get().job;
          if (j !== null && (j.what === 'replay' || j.what === 'resume')) get().setJobProgress(j.what, m.fraction);
          return;
        }
        case 'replayReady': {
          const r = get().replay;
          if (r === null) return;
          set({ job: null, replay: { ...r, ready: true, endTick: m.endTick, markers: m.markers, kpis: m.kpis, verification: m.verification, assessment: m.assessment } });
          // Opened at a moment (a debrief's "replay from here"): go there once the index is built.
          if (startAt > 0) jump(startAt);
          startAt = 0;
          if (r.live?.following) keepUp();
          return;
        }
        case 'error':
          pacer.answered(m.re, null);
          set({ error: m.message, running: false });
          return;
      }
    });
    return {
      phase: 'library',
      scenario: null,
      hintsAllowed: true,
      error: null,
      observation: null,
      running: false,
      speed: FRESH.speed,
      ended: false,
      selected: null,
      refusal: null,
      refusalKey: null,
      lastAccepted: null,
      safetyBreach: null,
      commands: [],
      historyVersion: 0,
      replay: null,
      truth: null,
      branchOf: null,
      runId: null,
      resumed: null,
      rebuiltTo: null,
      comparison: null,
      job: null,
      debrief: null,
      load(raw, options = {}) {
        const result = loadScenarioJson(raw);
        if (!result.ok) {
          set({ error: describeErrors(result.errors) });
          return false;
        }
        startFresh(result.model);
        set({ ...FRESH, scenario: result.scenario, phase: 'briefing', runId: newSessionId(), hintsAllowed: options.hintsAllowed ?? true });
        ask({ type: 'load', scenario: result.scenario, checked: { model: result.model, seed: result.scenario.seed } }, waits);
        return true;
      },
      resume(raw, commands, tick, options = {}) {
        // An assignment's hints stay as it set them (a resumed run is the same run).
        if (!get().load(raw, { hintsAllowed: options.hintsAllowed ?? true })) return false;
        set({ commands: [...commands], phase: 'running', job: { what: 'resume', fraction: 0 }, rebuiltTo: tick, ...(options.runId ? { runId: options.runId } : {}) });
        // At the speed it went at (a speed of no button, from an edited store, is not taken).
        if (options.speed !== undefined && (SPEEDS as readonly number[]).includes(options.speed)) get().setSpeed(options.speed);
        const scenario = get().scenario!;
        // load() has just checked it: the worker takes the compiled model as it is.
        ask({ type: 'resume', scenario, ...(model === null ? {} : { checked: { model, seed: scenario.seed } }), commands, tick }, waits);
        // Prove the rebuilt state is the one that was left: its hash against the saved one.
        // The answer comes after the rebuild: the resume's job ends with it.
        exportWaiters.push((file) => {
          const last = file?.checkpoints.at(-1);
          if (get().job?.what === 'resume') set({ job: null });
          if (last) set({ resumed: { tick: last.tick, expected: options.expectedHash ?? null, got: last.hash } });
        });
        ask({ type: 'checkpoints' });
        return true;
      },
      begin() {
        if (model === null) return;
        set({ phase: 'running' });
        get().play();
      },
      play() {
        if (model === null) return;
        if (get().phase === 'replay') {
          const r = get().replay;
          if (r === null || !r.ready) return;
          // A followed run played from its newest moment moves with it again.
          if (r.live !== null && !r.live.ended && pacer.known >= r.endTick) return get().backToLive();
          // Playing from the end starts over, like any media player.
          if (pacer.known >= r.endTick) get().seek(0);
        } else if (get().ended) return;
        startClock();
      },
      pause() {
        set({ running: false });
        frame.running = false;
        pacer.dropPending();
        if (model !== null) request(pacer.known, true);
      },
      togglePlay() {
        if (get().running) {
          stopFollowing();
          get().pause();
        } else get().play();
      },
      step() {
        if (get().phase === 'replay') return get().stepBy(TICKS_PER_SECOND);
        if (model === null || get().ended) return;
        get().pause();
        request(Math.min(pacer.heading + TICKS_PER_SECOND, model.durationTicks), true);
      },
      dismissSafetyBreach() {
        set({ safetyBreach: null });
      },
      setSpeed(speed) {
        frame.speed = speed;
        set({ speed });
      },
      select(station) {
        const before = get().selected;
        set({ selected: station, refusal: null, refusalKey: null });
        // Where a student looked is part of the run (a class's evidence not looked at comes from it).
        if (station !== null && station !== before && get().phase === 'running' && !get().ended) ask({ type: 'command', command: { type: 'openPanel', station, panel: 'faceplate' } });
      },
      send(command) {
        // A replay is read-only; taking over starts a live run that accepts commands.
        if (model === null || get().phase === 'replay') return;
        ask({ type: 'command', command });
      },
      sendExternal(command) {
        if (model === null || get().phase !== 'running' || get().ended) {
          const reason = get().phase === 'replay' ? 'This line is a replay: it takes no commands.' : 'No run is in progress on this line.';
          return Promise.resolve({ accepted: false, reason, refusal: null });
        }
        let result: Promise<CommandResult> | null = null;
        ask(
          { type: 'command', command },
          {
            before: (id) => {
              result = external.wait(id);
            },
          },
        );
        return result!;
      },
      exportSession() {
        if (model === null) return Promise.resolve(null);
        return new Promise((resolve) => {
          exportWaiters.push(resolve);
          ask({ type: 'checkpoints' });
        });
      },
      finish() {
        set({ phase: 'debrief', running: false, debrief: null });
        frame.running = false;
        // The debrief re-runs the whole log (truth, twin, objectives): once, in a worker.
        void get()
          .exportSession()
          .then((file) => {
            if (file !== null && get().phase === 'debrief') get().startDebrief(file);
          });
      },
      runToEnd() {
        if (model === null || get().ended || get().phase !== 'running') return;
        get().pause();
        // Its frame reaches the shift's end, which ends the run and opens the debrief (above).
        request(model.durationTicks, true);
      },
      toLibrary() {
        get().pause();
        set({ phase: 'library', replay: null, truth: null });
      },
      openReplay(session, savedId = null, atTick = 0, live = null) {
        startAt = live?.following ? session.endTick : atTick;
        const result = loadScenarioJson(session.scenario);
        if (!result.ok) {
          set({ error: describeErrors(result.errors) });
          return false;
        }
        get().pause();
        startFresh(result.model);
        const notes = [...(session.notes ?? [])].sort((a, b) => a.tick - b.tick);
        set({
          ...FRESH,
          scenario: result.scenario,
          commands: session.commands,
          // A run made without hints is replayed without them (nor are they offered on taking over).
          hintsAllowed: session.hintsAllowed !== false,
          phase: 'replay',
          replay: { session, ready: false, endTick: session.endTick, markers: [], kpis: null, verification: null, assessment: null, notes, showTruth: false, presenter: false, savedId, live },
          job: { what: 'replay', fraction: 0 },
        });
        ask({ type: 'openReplay', session, checked: { model: result.model, seed: result.scenario.seed } }, waits);
        return true;
      },
      ...replayMoves(set, get, { known: () => pacer.known, heading: () => pacer.heading, jump, stopFollowing, extend: (session, reassess) => ask({ type: 'extendReplay', session, reassess }) }),
      ...replayEditing(set, get, () => pacer.known),
      ...jobs(set, get, {
        analyser,
        restartEngine: () => {
          host.restart();
          model = null;
          frame.model = null;
          frame.scene = null;
          pacer.dropRequests();
          exportWaiters.length = 0;
        },
      }),
    };
  });
  return { ...store, frame, history: () => history };
}

export type SimStoreApi = ReturnType<typeof createSimStore>;
