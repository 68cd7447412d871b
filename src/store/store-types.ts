/**
 * The store's types in one file (the zustand slices pattern): the store itself and what its
 * slices (jobs.ts, replay-editing.ts) and the pages name, so no slice imports the store's module.
 */
import type { Command, CommandResult, LineModel, Observation, Refusal, Truth } from '../engine';
import type { ScenarioFile } from '../scenario';
import type { DebriefAnalysis } from '../session/analysis';
import type { CompareSide } from '../session/compare';
import type { SceneFrame, UserCommand } from '../session/engine-protocol';
import type { RunStatus } from '../session/run-status';
import type { SessionFile } from '../session/session-file';
import type { LiveTail, ReplayInfo } from './replay-types';

export type Phase = 'library' | 'briefing' | 'running' | 'debrief' | 'replay' | 'compare';

/** Long work in progress, and how far it is (0 to 1): the page shows a bar and Cancel. */
export interface Job {
  readonly what: 'replay' | 'resume' | 'debrief' | 'compare';
  readonly fraction: number;
}

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
  /** The same refusal as a message key, for the screen's language. */
  readonly refusalKey: Refusal | null;
  /** The last command the engine accepted (a notice such as "diagnosis recorded" keys on it). */
  readonly lastAccepted: Command | null;
  /** The last command that began work inside a machine without lock-out, until the student has read it. */
  readonly safetyBreach: Command | null;
  readonly commands: readonly Command[];
  /** Bumped whenever history gains points, so charts know to redraw. */
  readonly historyVersion: number;
  readonly replay: ReplayInfo | null;
  /** The hidden truth, only while replaying (the instructor decides whether it is shown). */
  readonly truth: Truth | null;
  /** Where a taken-over run branched from: the original session's name and tick. */
  readonly branchOf: { readonly name: string; readonly tick: number } | null;
  /** Open a scenario at its briefing; an assignment may switch its hints off. */
  load(raw: unknown, options?: { hintsAllowed?: boolean }): boolean;
  /** False when the drill was assigned with its hints switched off. */
  readonly hintsAllowed: boolean;
  /** Continue a saved run: rebuild it from its command log, paused at the tick it reached. */
  resume(raw: unknown, commands: readonly Command[], tick: number, options?: { runId?: string; expectedHash?: string; hintsAllowed?: boolean; speed?: number }): boolean;
  /** This run's entry in the sessions list (a new one per run; kept when resuming). */
  readonly runId: string | null;
  /** After resuming: the state hash the saved run had and the one rebuilt (equal when nothing was lost). */
  readonly resumed: { readonly tick: number; readonly expected: string | null; readonly got: string } | null;
  /** A resumed (or taken-over) run: the tick it was rebuilt to. What happened before it is not news. */
  readonly rebuiltTo: number | null;
  begin(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  setSpeed(speed: number): void;
  select(station: string | null): void;
  /** The student has read the safety breach's warning. */
  dismissSafetyBreach(): void;
  send(command: UserCommand): void;
  /**
   * A command from outside the page, relayed by the gateway (`via` says how it came): applied
   * like the student's own and recorded, and its verdict returned to the caller. Refused while
   * a replay is shown or no run is open.
   */
  sendExternal(command: UserCommand): Promise<CommandResult>;
  /** Build the session file of the run so far (scenario, seed, commands, checkpoint hashes). */
  exportSession(): Promise<SessionFile | null>;
  finish(): void;
  /** The rest of the shift at once, with no further command, then the debrief (as at the shift's end). */
  runToEnd(): void;
  toLibrary(): void;
  /** Open a recorded session for replay, paused at its start. */
  openReplay(session: SessionFile, savedId?: string | null, atTick?: number, live?: LiveTail | null): boolean;
  /** A followed run has grown: the replay takes the longer session (and, when following, moves with it). */
  growReplay(session: SessionFile, tail: Omit<LiveTail, 'following'>, reassess: boolean): void;
  /** A followed run: jump to its newest moment and move with it again. */
  backToLive(): void;
  /** Replay: jump to a tick (keyframe + forward simulation in the engine). */
  seek(tick: number): void;
  /** Replay: move by a number of ticks, backwards too. */
  stepBy(ticks: number): void;
  addNote(text: string): void;
  removeNote(index: number): void;
  setShowTruth(show: boolean): void;
  setPresenter(on: boolean): void;
  /** Replay: start a new live run from the replayed state (a branch of the original). */
  takeOver(): void;
  /** Replay: the session file with the instructor's notes. */
  replaySession(): SessionFile | null;
  /** Two sessions of the same scenario side by side (false, with an error, otherwise). */
  compare(a: SessionFile, b: SessionFile, statuses?: readonly [RunStatus, RunStatus]): boolean;
  /** Null while the comparison is being computed (see `job`). */
  readonly comparison: readonly [CompareSide, CompareSide] | null;
  readonly job: Job | null;
  /** Stop the long work in progress and go back to the library; nothing saved is touched. */
  cancelJob(): void;
  setJobProgress(what: Job['what'], fraction: number): void;
  /** The finished run's assessment and timeline, computed once in the analysis worker. */
  readonly debrief: DebriefAnalysis | null;
  startDebrief(session: SessionFile): void;
}

export type Clock = { now(): number; frame(cb: () => void): void };

/** What the 3D view reads each frame, without React. */
export interface FrameSource {
  scene: SceneFrame | null;
  model: LineModel | null;
  /** Fraction of a tick elapsed since the last advance, for smooth motion between ticks. */
  alpha: number;
  speed: number;
  running: boolean;
}
