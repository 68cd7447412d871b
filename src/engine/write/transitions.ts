/**
 * PackML state transitions of a station (a write layer): the time in each state, the first-out
 * stop reason (OMAC id), the event log entry, and what other systems must do when a station
 * stops or runs again.
 *
 * Those consequences (a station's work pausing and resuming, alarms that depend on a stopped
 * station) are the process and alarm systems' own. They are called through `reactions`, which
 * the loop wires once (advance.ts), so this file imports no system and the engine's imports
 * stay one-way. They still run at once, inside the transition, as they always did: moving them
 * onto the agenda would change the order of events, hence every replay's hash.
 */
import { holdingCause } from '../read/fault-effects';
import { pushLog, refreshThermal } from './ledger';
import type { State } from '../core/state';
import { isProcess } from '../core/model';
import { Interlock, isActing, isRunning, Pack, type PackState, StopReason } from '../core/packml';
import { NEVER } from '../core/time';
import { markStation } from '../core/worklist';

/** What the systems do when a station's state changes (wired by the loop: see wireTransitions). */
export interface TransitionReactions {
  /** The station stopped running: its work pauses. */
  readonly paused: (s: State, i: number) => void;
  /** The station runs again: its work resumes. */
  readonly resumed: (s: State, i: number) => void;
  /** The station entered or left a stopped state: alarms that depend on it are evaluated. */
  readonly stateChanged: (s: State, i: number) => void;
}

function unwired(): never {
  throw new Error('engine transitions used before the loop wired their reactions (import the engine from src/engine)');
}

const reactions: { -readonly [K in keyof TransitionReactions]: TransitionReactions[K] } = { paused: unwired, resumed: unwired, stateChanged: unwired };

export function wireTransitions(r: TransitionReactions): void {
  reactions.paused = r.paused;
  reactions.resumed = r.resumed;
  reactions.stateChanged = r.stateChanged;
}

function actingTicks(s: State, i: number, to: PackState): number {
  const t = s.model.transitionTicks;
  switch (to) {
    case Pack.Starting: {
      const spec = s.model.stations[i]!;
      return t.starting + (isProcess(spec) ? spec.setupTicks : 0);
    }
    case Pack.Stopping:
      return t.stopping;
    case Pack.Resetting:
      return t.resetting;
    case Pack.Clearing:
      return t.clearing;
    case Pack.Holding:
      return t.holding;
    case Pack.Unholding:
      return t.unholding;
    case Pack.Aborting:
      return t.aborting;
    default:
      return 0;
  }
}

/** Change a station's PackML state, recording the first-out stop reason (OMAC id). */
export function setPack(s: State, i: number, target: PackState, cause: number = StopReason.None): void {
  const st = s.stations[i]!;
  const from = st.pack;
  let to = target;
  let reason = cause;
  if (!isRunning(from) && isRunning(to)) {
    // The controller will not run while the cause of the stop is still there: straight back to Held.
    const still = holdingCause(s, i);
    if (still !== StopReason.None) {
      to = Pack.Held;
      reason = still;
      st.stopReason = StopReason.None;
    }
  }
  if (from === to) return;
  const t = s.tick;
  st.c.stateTicks[from] = (st.c.stateTicks[from] ?? 0) + (t - st.packSince);
  st.packSince = t;
  st.pack = to;
  st.actingUntil = isActing(to) ? t + actingTicks(s, i, to) : NEVER;
  const wasRunning = isRunning(from);
  const running = isRunning(to);
  if (running) {
    st.stopReason = StopReason.None;
    st.interlock = Interlock.None;
  } else if (st.stopReason === StopReason.None && reason !== StopReason.None) {
    st.stopReason = reason;
  }
  // A reset acknowledges the stop: the first-out cause is cleared on reaching Idle.
  if (to === Pack.Idle) st.stopReason = StopReason.None;
  if (wasRunning && !running) reactions.paused(s, i);
  if (!wasRunning && running) {
    reactions.resumed(s, i);
    if (st.downSince >= 0) {
      st.c.repairTicks += t - st.downSince;
      st.downSince = -1;
    }
  }
  if (wasRunning !== running) refreshThermal(s, i);
  if (!(wasRunning && running)) {
    pushLog(s, { tick: t, kind: 'state', station: s.model.stations[i]!.id, from, to, reason: st.stopReason });
    reactions.stateChanged(s, i);
  }
  markStation(s, i);
}
