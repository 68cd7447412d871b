import type { Assessment } from '../assessment';
import type { Verification } from '../session/record';
import type { KpiSamples, Marker } from '../session/replay-index';
import type { Note, SessionFile } from '../session/session-file';

/** A recorded session open for replay (read-only), with what the timeline and presenter need. */
export interface ReplayInfo {
  readonly session: SessionFile;
  /** Set once the engine has re-simulated the session. */
  readonly ready: boolean;
  readonly endTick: number;
  readonly markers: readonly Marker[];
  readonly kpis: KpiSamples | null;
  readonly verification: Verification | null;
  readonly assessment: Assessment | null;
  /** The instructor's notes, kept sorted by tick; they never touch the simulation. */
  readonly notes: readonly Note[];
  readonly showTruth: boolean;
  readonly presenter: boolean;
  /** The sessions-list entry it was opened from, so notes can be saved back. */
  readonly savedId: string | null;
}
