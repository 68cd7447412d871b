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
  /** A student's run still going, followed as it grows (null: a recorded session). */
  readonly live: LiveTail | null;
}

/** How a followed run stands: whether the view keeps up with its newest moment, and the student's pace. */
export interface LiveTail {
  /** The view moves with the newest moment (off once the instructor seeks, steps or pauses). */
  readonly following: boolean;
  /** The student's run has ended: it grows no more. */
  readonly ended: boolean;
  /** The student's speed (simulated seconds per second), which the followed view plays at. */
  readonly speed: number;
}
