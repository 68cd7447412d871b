/**
 * The engine service: owns the simulation state and answers the store's messages. The same
 * code runs inside the Web Worker (so a heavy line never stalls the frames) and in-process
 * (tests, and browsers without workers).
 */
import { advance, apply, type Command, createState, type LineModel, observe, type State, stateHash, truth } from '../engine';
import { byTick, throttled } from '../assessment';
import { loadScenarioJson } from '../scenario';
import type { CheckedScenario, EngineReply, FromEngine, SceneFrame, ScenePart, ToEngine } from './engine-protocol';
import { advanceRecording, type Checkpoint } from './record';
import { createHistory, replayWithHistory, sampleForward } from './history';
import { buildReplayIndex, extendReplayIndex, playForward, type ReplayIndex, seekIndex } from './replay-index';

/** How much of the trends a replay shows at once after a jump: the hour before the moment. */
const SEEK_TREND_TICKS = 36_000;

const trim = (p: { id: number; t: number; rework: number } | null): ScenePart | null => (p === null ? null : { id: p.id, t: p.t, rework: p.rework });

export function sceneOf(s: State): SceneFrame {
  return {
    tick: s.tick,
    stations: s.stations.map((st) => ({
      pack: st.pack,
      interlock: st.interlock,
      queue: st.queue.map((p) => ({ id: p.id, t: p.t, rework: p.rework })),
      work: trim(st.work),
      done: trim(st.done),
      kit: st.kit.map(trim),
      c: { scrap: st.c.scrap },
    })),
  };
}

export function createEngineService(send: (m: FromEngine) => void): (m: ToEngine) => void {
  /** The request being handled: every reply names it (handling is synchronous, one at a time). */
  let answering = 0;
  const post = (r: EngineReply) => send({ ...r, re: answering });
  let sim: State | null = null;
  let model: LineModel | null = null;
  let checkpoints: Checkpoint[] = [];
  /** While replaying: the session's index, and how many of its commands the state has applied. */
  let replaying: ReplayIndex | null = null;
  let applied = 0;
  const frame = (withObservation: boolean) => {
    if (sim === null) return;
    const observation = withObservation ? observe(sim, 200) : null;
    if (replaying !== null && observation !== null) post({ type: 'frame', scene: sceneOf(sim), observation, truth: truth(sim) });
    else post({ type: 'frame', scene: sceneOf(sim), observation });
  };
  /** A fresh run of the scenario at tick 0; false (with an error posted) when it does not load. */
  const start = (scenario: unknown, given?: CheckedScenario): boolean => {
    let checked = given;
    if (checked === undefined) {
      const r = loadScenarioJson(scenario);
      if (!r.ok) {
        post({ type: 'error', message: 'the scenario does not load' });
        return false;
      }
      checked = { model: r.model, seed: r.scenario.seed };
    }
    model = checked.model;
    sim = createState(model, checked.seed);
    checkpoints = [];
    replaying = null;
    applied = 0;
    return true;
  };
  return (m) => {
    answering = m.id;
    try {
      switch (m.type) {
        case 'load':
          if (start(m.scenario, m.checked)) frame(true);
          return;
        case 'run':
          if (sim === null || model === null) return;
          if (replaying !== null) {
            if (m.to > sim.tick) applied = playForward(sim, replaying.commands, applied, Math.min(m.to, replaying.endTick));
          } else if (m.to > sim.tick) {
            // Hashes at the same checkpoints a replay takes, so a session file can prove itself.
            advanceRecording(sim, Math.min(m.to, model.durationTicks), checkpoints);
          }
          frame(m.observe);
          return;
        case 'openReplay': {
          if (!start(m.session.scenario, m.checked) || model === null) return;
          const index = buildReplayIndex(model, m.session, { progress: throttled((fraction) => post({ type: 'progress', fraction })) });
          replaying = index;
          const at = seekIndex(index, 0);
          sim = at.state;
          applied = at.applied;
          post({ type: 'replayReady', endTick: index.endTick, markers: index.markers, kpis: index.kpis, verification: index.verification, assessment: index.assessment });
          frame(true);
          return;
        }
        case 'extendReplay': {
          if (replaying === null || model === null || sim === null) return;
          const grown = extendReplayIndex(replaying, m.session, m.reassess);
          if (grown === replaying) return;
          replaying = grown ?? buildReplayIndex(model, m.session);
          if (grown === null) {
            // Not a continuation (the run was restarted on the server's side): the moment shown, rebuilt.
            const at = seekIndex(replaying, sim.tick);
            sim = at.state;
            applied = at.applied;
          }
          post({ type: 'replayReady', endTick: replaying.endTick, markers: replaying.markers, kpis: replaying.kpis, verification: replaying.verification, assessment: replaying.assessment });
          frame(true);
          return;
        }
        case 'seek': {
          if (replaying === null) return;
          // From an hour before, with the trends sampled on the way: "Replay from here" at a
          // symptom showed charts that began at that moment, without the rise that led to it.
          const target = Math.max(0, Math.min(m.tick, replaying.endTick));
          const at = seekIndex(replaying, Math.max(0, target - SEEK_TREND_TICKS));
          const state = at.state;
          const history = createHistory();
          applied = sampleForward(state, replaying.commands, at.applied, target, history, (tick) => advance(state, tick));
          sim = state;
          post({ type: 'history', history });
          frame(true);
          return;
        }
        case 'resume': {
          if (!start(m.scenario, m.checked) || sim === null || model === null) return;
          // The same path as a replay: the rebuilt state is the one the student left, and the
          // trends are sampled on the way (the charts would draw a line from 00:00 to now).
          const to = Math.min(m.tick, model.durationTicks);
          const history = replayWithHistory(sim, m.commands, to, checkpoints, byTick(throttled((fraction) => post({ type: 'progress', fraction })), to));
          post({ type: 'history', history });
          frame(true);
          return;
        }
        case 'checkpoints':
          if (sim === null) return;
          post({ type: 'checkpoints', tick: sim.tick, checkpoints: [...checkpoints, { tick: sim.tick, hash: stateHash(sim) }] });
          return;
        case 'command': {
          // A replay is read-only: its commands are the recorded ones.
          if (sim === null || replaying !== null) return;
          const stamped = { ...m.command, tick: sim.tick } as Command;
          const breaches = sim.truth.safetyBreaches.length;
          const result = apply(sim, stamped);
          // The engine lets a technician reach into a machine that is not locked out, as the plant
          // would; the student is told at once (it fails the drill), not first in the debrief.
          const breach = sim.truth.safetyBreaches.length > breaches;
          post({ type: 'commandResult', command: stamped, accepted: result.accepted, reason: result.reason, refusal: result.refusal, breach });
          frame(true);
          return;
        }
      }
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
}
