/**
 * Moving through a replay: seeking, stepping, a followed run growing and catching up with it,
 * and taking over from the moment shown. The store gives the few of its internals these need.
 */
import type { ScenarioFile } from '../scenario';
import type { SessionFile } from '../session/session-file';
import type { SimStore } from './store-types';

type Set = (partial: Partial<SimStore> | ((s: SimStore) => Partial<SimStore>)) => void;

export interface ReplayMovesDeps {
  /** The tick the view shows now. */
  readonly known: () => number;
  /** The tick the view is on its way to (a seek or a run not yet answered), else the one shown. */
  readonly heading: () => number;
  /** Show the state at a tick (keyframe and forward simulation in the engine). */
  readonly jump: (tick: number) => void;
  /** The instructor moved the view themselves: it no longer moves with the live run. */
  readonly stopFollowing: () => void;
  /** Ask the engine to extend the open replay with the session's new part. */
  readonly extend: (session: SessionFile, reassess: boolean) => void;
}

function textOfTitle(sc: ScenarioFile): string {
  return typeof sc.title === 'string' ? sc.title : sc.title.en;
}

export function replayMoves(set: Set, get: () => SimStore, deps: ReplayMovesDeps): Pick<SimStore, 'seek' | 'growReplay' | 'backToLive' | 'stepBy' | 'takeOver'> {
  return {
    seek(tick) {
      deps.stopFollowing();
      deps.jump(tick);
    },
    growReplay(session, tail, reassess) {
      const r = get().replay;
      if (r?.live == null || get().phase !== 'replay' || session.endTick < r.session.endTick) return;
      set({ replay: { ...r, session, live: { ...r.live, ...tail } }, commands: session.commands });
      deps.extend(session, reassess);
    },
    backToLive() {
      const r = get().replay;
      if (r?.live == null || !r.ready) return;
      set({ replay: { ...r, live: { ...r.live, following: true } } });
      deps.jump(r.endTick);
    },
    stepBy(ticks) {
      if (get().running) get().pause();
      get().seek(deps.heading() + ticks);
    },
    takeOver() {
      const r = get().replay;
      if (r === null || get().phase !== 'replay') return;
      const tick = deps.known();
      // The branch is the original's commands up to now, rebuilt exactly as a resumed run is.
      const prefix = r.session.commands.filter((c) => c.tick <= tick);
      const name = r.session.name ?? textOfTitle(r.session.scenario);
      if (get().resume(r.session.scenario, prefix, tick, { hintsAllowed: r.session.hintsAllowed !== false })) set({ branchOf: { name, tick } });
    },
  };
}
