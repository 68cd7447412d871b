/**
 * Messages between the store (main thread) and the engine service (a Web Worker in the
 * browser, or in-process in Node). Plain data, so they cross postMessage unchanged.
 */
import type { Assessment } from '../assessment';
import type { Command, LineModel, Observation, Refusal, Truth } from '../engine';
import type { History } from './history';
import type { Checkpoint, Verification } from './record';
import type { KpiSamples, Marker } from './replay-index';
import type { SessionFile } from './session-file';

/** A command as the UI sends it: the engine stamps the tick it applies at. */
export type UserCommand = Command extends infer C ? (C extends Command ? Omit<C, 'tick'> : never) : never;

/** A request's content; the sender numbers it (ToEngine). */
/**
 * `checked`: the scenario as the sender checked and compiled it, with its seed. The page has
 * always checked a scenario before it reaches the engine; with this the worker does not check
 * and compile it a second time. Without it (a test, a tool) the worker checks the file itself.
 */
export interface CheckedScenario {
  readonly model: LineModel;
  readonly seed: number;
}

export type EngineRequest =
  | { readonly type: 'load'; readonly scenario: unknown; readonly checked?: CheckedScenario }
  | { readonly type: 'run'; readonly to: number; readonly observe: boolean }
  | { readonly type: 'command'; readonly command: UserCommand }
  /** Rebuild a run from its command log up to a tick (resuming after a reload). */
  | { readonly type: 'resume'; readonly scenario: unknown; readonly checked?: CheckedScenario; readonly commands: readonly Command[]; readonly tick: number }
  /** Ask for the run's checkpoints so far, to write a session file. */
  | { readonly type: 'checkpoints' }
  /** Replay a recorded session, read-only: `run` then plays its commands, `seek` jumps. */
  | { readonly type: 'openReplay'; readonly session: SessionFile; readonly checked?: CheckedScenario }
  /** The replayed session has grown (a live run followed): index the new part; reassess when asked (two full passes). */
  | { readonly type: 'extendReplay'; readonly session: SessionFile; readonly reassess: boolean }
  | { readonly type: 'seek'; readonly tick: number };

/**
 * A request with the number its sender gave it. Every reply carries that number back as `re`, so
 * a sender waiting for the frame of one request (the store's "one run in flight") is not
 * misled by the frame that answers another (a command sent meanwhile).
 */
export type ToEngine = EngineRequest & { readonly id: number };

export interface ScenePart {
  readonly id: number;
  /** Conveyor: tick of arrival at the far end. */
  readonly t: number;
  readonly rework: number;
}

/** What the 3D view needs of a station each frame: its PackML state and where its parts are. */
export interface SceneStation {
  readonly pack: number;
  readonly interlock: number;
  readonly queue: readonly ScenePart[];
  readonly work: ScenePart | null;
  readonly done: ScenePart | null;
  readonly kit: readonly (ScenePart | null)[];
  readonly c: { readonly scrap: number };
}

export interface SceneFrame {
  readonly tick: number;
  readonly stations: readonly SceneStation[];
}

/** A reply as the service writes it; `re` is added for it (FromEngine). */
export type EngineReply =
  /** `truth` only while replaying: the instructor may show it, a student's run never carries it. */
  | { readonly type: 'frame'; readonly scene: SceneFrame; readonly observation: Observation | null; readonly truth?: Truth }
  | {
      readonly type: 'replayReady';
      readonly endTick: number;
      readonly markers: readonly Marker[];
      readonly kpis: KpiSamples;
      readonly verification: Verification;
      readonly assessment: Assessment;
    }
  | {
      readonly type: 'commandResult';
      readonly command: Command;
      readonly accepted: boolean;
      readonly reason: string;
      readonly refusal: Refusal | null;
      /** Accepted, and a safety breach: work begun inside a machine that was not locked out. */
      readonly breach: boolean;
    }
  | { readonly type: 'checkpoints'; readonly tick: number; readonly checkpoints: readonly Checkpoint[] }
  /** A resumed run's trends, sampled while it was rebuilt (the frame at the resumed tick follows). */
  | { readonly type: 'history'; readonly history: History }
  /** How far a long re-simulation (opening a replay, resuming a run) has come, 0 to 1. */
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'error'; readonly message: string };

/** A reply, with `re`: the id of the request it answers. */
export type FromEngine = EngineReply & { readonly re: number };
