/**
 * Validation of commands that arrive from outside (a command log file, a session file): the
 * engine trusts its callers, so everything from a file passes through here first.
 */
import { z } from '../scenario/zod';
import { CHECK_KINDS, COMMAND_ORIGINS, type Command, PANELS, REPORT_FIGURES } from '../engine';
import { REPAIR_ACTION_NAMES, SENSOR_KINDS, FAULT_TYPES, id as scenarioId } from '../scenario/schema';

const tickNumber = z.number().int({ error: 'must be a whole tick number' }).min(0, { error: 'must be 0 or more' });
/** Every command has its tick and, when it came through the gateway, its origin. */
const at = { tick: tickNumber, via: z.enum(COMMAND_ORIGINS).optional() };
/** A station, alarm or fault of the scenario: its ids follow the scenario's rule (so no control characters, which PostgreSQL's jsonb refuses). */
const id = scenarioId;
/** An instructor's message is a line on a banner: short, and one line. */
export const MAX_MESSAGE_CHARS = 280;
export const messageText = z
  .string()
  .min(1, { error: 'must not be empty' })
  .max(MAX_MESSAGE_CHARS, { error: `must be at most ${MAX_MESSAGE_CHARS} characters` })
  .regex(/^[^\p{Cc}]*$/u, { error: 'must be one line without control characters' });
const packCommands = ['reset', 'start', 'stop', 'hold', 'unhold', 'suspend', 'unsuspend', 'abort', 'clear'] as const;

export const commandSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('packml'), ...at, station: id, command: z.enum(packCommands) }),
    z.strictObject({ type: z.literal('eStop'), ...at }),
    z.strictObject({ type: z.literal('releaseEStop'), ...at }),
    z.strictObject({ type: z.literal('lockOut'), ...at, station: id }),
    z.strictObject({ type: z.literal('removeLockOut'), ...at, station: id }),
    z.strictObject({
      type: z.literal('check'),
      ...at,
      station: id,
      check: z.enum(CHECK_KINDS),
      sensor: z.enum(SENSOR_KINDS).optional(),
    }),
    z.strictObject({
      type: z.literal('repair'),
      ...at,
      station: id,
      action: z.enum(REPAIR_ACTION_NAMES),
      sensor: z.enum(SENSOR_KINDS).optional(),
      lot: id.optional(),
    }),
    z.strictObject({ type: z.literal('setSpeed'), ...at, station: id, percent: z.number() }),
    z.strictObject({ type: z.literal('ackAlarm'), ...at, alarm: id }),
    z.strictObject({ type: z.literal('shelveAlarm'), ...at, alarm: id, seconds: z.number().positive() }),
    z.strictObject({ type: z.literal('unshelveAlarm'), ...at, alarm: id }),
    z.strictObject({ type: z.literal('diagnose'), ...at, station: id, cause: z.enum(FAULT_TYPES), sensor: z.enum(SENSOR_KINDS).optional() }),
    z.strictObject({ type: z.literal('hint'), ...at }),
    z.strictObject({ type: z.literal('injectFault'), ...at, fault: id }),
    z.strictObject({ type: z.literal('instructorMessage'), ...at, text: messageText }),
    z.strictObject({ type: z.literal('openPanel'), ...at, station: id, panel: z.enum(PANELS) }),
    z.strictObject({ type: z.literal('report'), ...at, figure: z.enum(REPORT_FIGURES), station: id, value: z.number() }),
  ],
  { error: 'type must be one of packml, eStop, releaseEStop, lockOut, removeLockOut, check, repair, setSpeed, ackAlarm, shelveAlarm, unshelveAlarm, diagnose, hint, injectFault, instructorMessage, openPanel, report' },
);

export const commandLogSchema = z.array(commandSchema).superRefine((cmds, ctx) => {
  for (let k = 1; k < cmds.length; k++) {
    if (cmds[k]!.tick < cmds[k - 1]!.tick) {
      ctx.addIssue({ code: 'custom', path: [k, 'tick'], message: `commands must be in tick order; ${cmds[k]!.tick} comes after ${cmds[k - 1]!.tick}` });
    }
  }
});

/** Parsed commands are plain data of the engine's Command type. */
export function asCommands(parsed: z.infer<typeof commandLogSchema>): Command[] {
  return parsed as Command[];
}
