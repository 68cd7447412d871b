import type { CheckKind, FaultType, RepairAction } from './model';
import type { PackCommand } from './packml';
import type { Refusal } from './refusals';

/**
 * Where a command came from when it did not come from our own screens: an OPC UA method call
 * or a write to an MQTT command topic, relayed by the gateway. Recorded with the command, so a
 * replay and the assessment see how the student worked.
 */
export const COMMAND_ORIGINS = ['opcua', 'mqtt'] as const;
export type CommandOrigin = (typeof COMMAND_ORIGINS)[number];

/**
 * Everything a user can do, as plain JSON applied at a tick boundary. Station, sensor, alarm
 * and lot references are the scenario's stable ids, so a command log reads like a logbook.
 * `via` is absent for a command from our own screens.
 */
export type Command = CommandBody & { readonly via?: CommandOrigin };

type CommandBody =
  | { readonly type: 'packml'; readonly tick: number; readonly station: string; readonly command: PackCommand }
  | { readonly type: 'eStop'; readonly tick: number }
  | { readonly type: 'releaseEStop'; readonly tick: number }
  | { readonly type: 'lockOut'; readonly tick: number; readonly station: string }
  | { readonly type: 'removeLockOut'; readonly tick: number; readonly station: string }
  | {
      readonly type: 'check';
      readonly tick: number;
      readonly station: string;
      readonly check: CheckKind;
      /** The sensor kind to measure against, for a handheld measurement. */
      readonly sensor?: string;
    }
  | {
      readonly type: 'repair';
      readonly tick: number;
      readonly station: string;
      readonly action: RepairAction;
      /** replaceSensor: which sensor kind. */
      readonly sensor?: string;
      /** quarantineLot: which lot. */
      readonly lot?: string;
    }
  | { readonly type: 'setSpeed'; readonly tick: number; readonly station: string; readonly percent: number }
  | { readonly type: 'ackAlarm'; readonly tick: number; readonly alarm: string }
  | { readonly type: 'shelveAlarm'; readonly tick: number; readonly alarm: string; readonly seconds: number }
  | { readonly type: 'unshelveAlarm'; readonly tick: number; readonly alarm: string }
  | {
      readonly type: 'diagnose';
      readonly tick: number;
      readonly station: string;
      readonly cause: FaultType;
      readonly sensor?: string;
    }
  /** A hint asked for by the student (it costs points in the assessment). */
  | { readonly type: 'hint'; readonly tick: number }
  /** The instructor starts a fault of the scenario now (recorded, so replays see it too). */
  | { readonly type: 'injectFault'; readonly tick: number; readonly fault: string }
  /**
   * A short message from the instructor, shown to the student. Recorded so that a replay shows
   * when it came; it changes nothing on the line.
   */
  | { readonly type: 'instructorMessage'; readonly tick: number; readonly text: string }
  /**
   * The student opened a station's panel (its faceplate: states, readings, trends). Recorded so
   * that what a student looked at, and when, is in the run's log; it changes nothing on the line.
   */
  | { readonly type: 'openPanel'; readonly tick: number; readonly station: string; readonly panel: Panel }
  /**
   * A figure the student worked out from the line's data and reports (the OEE of a station, as
   * a fraction): recorded, so the assessment can hold it against the engine's own; it changes
   * nothing on the line.
   */
  | { readonly type: 'report'; readonly tick: number; readonly figure: ReportFigure; readonly station: string; readonly value: number };

/** The figures a student can be asked to report. */
export const REPORT_FIGURES = ['oee'] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];

/** The panels a student opens and the log records. */
export const PANELS = ['faceplate'] as const;
export type Panel = (typeof PANELS)[number];

export type CommandType = Command['type'];

export interface CommandResult {
  readonly accepted: boolean;
  /** Why a command was refused, in English words a student understands ('' when accepted). */
  readonly reason: string;
  /** The same as a message key and parameters, for a screen in another language. */
  readonly refusal: Refusal | null;
}
