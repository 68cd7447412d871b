/**
 * The pacer: how the store turns wall time into simulated time and keeps the engine fed. It
 * numbers every request to the engine, holds the one run (or seek, load, resume) whose frame
 * time waits for, and adds wall time × speed into whole ticks each animation frame. The store
 * owns one; nothing else of it lives outside zustand (this used to be ten loose variables).
 */
import { TICKS_PER_SECOND } from '../engine';
import type { EngineHost } from '../session/engine-host';
import type { EngineRequest, ToEngine } from '../session/engine-protocol';
import type { Clock } from './store-types';

/** The most simulated time one frame may ask for, so a slow frame never stalls the page. */
export const MAX_TICKS_PER_FRAME = 600 * TICKS_PER_SECOND;
/** How often a run asks for an observation with its frame (the panels' refresh), ms. */
export const PUBLISH_MS = 200;

/** Wall time and animation frames in a browser (tests pass a clock they move by hand). */
export const browserClock: Clock = {
  now: () => performance.now(),
  frame: (cb) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(cb);
    else setTimeout(cb, 16);
  },
};

export interface Pacer {
  /** The newest tick the engine has shown (its last frame). */
  readonly known: number;
  /**
   * Where the view will be once every request is answered: the last run's or seek's target, or
   * the frame shown when nothing is on its way. Steps start from here, so steps pressed faster
   * than the engine answers add up (two quick steps back are two ticks, not one).
   */
  readonly heading: number;
  /** Fraction of a tick elapsed since the last advance, for smooth motion between ticks. */
  readonly alpha: number;
  /** Number a request and send it; `waits`: time waits for its frame. Returns its number. */
  ask(m: EngineRequest, options?: { readonly waits?: boolean; readonly before?: (id: number) => void }): number;
  /** Run the engine to `to` (time waits for the frame). */
  run(to: number, observe: boolean): void;
  /** A frame (or an error) answering request `re` came, showing `tick` (null for an error). */
  answered(re: number, tick: number | null): void;
  /** Nothing in flight any more (the engine was restarted). */
  dropRequests(): void;
  /** A new model: time starts again at tick 0. */
  reset(): void;
  /** Time jumped (a seek): the wall time not yet simulated is dropped. */
  jumpTo(tick: number): void;
  /** Drop the wall time not yet simulated (pausing). */
  dropPending(): void;
  /** The clock starts; false when a frame loop is already going. */
  start(now: number): boolean;
  /** The frame loop ended. */
  stop(): void;
  /** One animation frame at wall time `now`: the run to ask for now, or null (one at a time). */
  frameAt(now: number, speed: number, limit: number): { readonly to: number; readonly observe: boolean } | null;
}

export function createPacer(host: EngineHost): Pacer {
  let known = 0;
  let heading = 0;
  /** Ticks of wall time not yet asked of the engine. */
  let pending = 0;
  /** Fraction of a tick carried to the next frame. */
  let carry = 0;
  let last = 0;
  let lastPublish = Number.NEGATIVE_INFINITY;
  let looping = false;
  /** The request whose frame time waits for; 0 when none. */
  let awaiting = 0;
  let lastRequest = 0;

  const ask: Pacer['ask'] = (m, options = {}) => {
    const id = ++lastRequest;
    // Known before posting: the in-process engine answers inside post.
    if (options.waits) awaiting = id;
    options.before?.(id);
    host.post({ ...m, id } as ToEngine);
    return id;
  };

  return {
    get known() {
      return known;
    },
    get heading() {
      return heading;
    },
    get alpha() {
      return carry;
    },
    ask,
    run(to, observe) {
      // The engine never runs backwards: a run to a tick it has passed (a pause's refresh) stays there.
      heading = Math.max(heading, to);
      ask({ type: 'run', to, observe }, { waits: true });
    },
    answered(re, tick) {
      // A frame answering a command sent meanwhile shows the line but does not end the wait.
      if (re === awaiting) awaiting = 0;
      if (tick !== null) known = tick;
      // The engine answers in order: the newest request's frame is where the view ends up.
      if (re === lastRequest) heading = known;
    },
    dropRequests() {
      awaiting = 0;
      heading = known;
    },
    reset() {
      known = 0;
      heading = 0;
      pending = 0;
      carry = 0;
    },
    jumpTo(tick) {
      pending = 0;
      carry = 0;
      heading = tick;
    },
    dropPending() {
      pending = 0;
    },
    start(now) {
      if (looping) return false;
      looping = true;
      last = now;
      return true;
    },
    stop() {
      looping = false;
    },
    frameAt(now, speed, limit) {
      carry += ((now - last) / 1000) * TICKS_PER_SECOND * speed;
      last = now;
      const steps = Math.floor(carry);
      carry -= steps;
      pending = Math.min(pending + steps, MAX_TICKS_PER_FRAME);
      // One request in flight at a time: if the engine is behind, time waits for it.
      if (awaiting !== 0 || pending <= 0) return null;
      const to = Math.min(known + pending, limit);
      pending = 0;
      const observe = now - lastPublish >= PUBLISH_MS;
      if (observe) lastPublish = now;
      return { to, observe };
    },
  };
}
