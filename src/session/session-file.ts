/**
 * The session file: everything needed to rebuild a run, and nothing else. It carries its
 * format version and migrates forward; it is validated like a scenario, with errors that name
 * where the file is wrong.
 */
import { z } from '../scenario/zod';
import { type Command, ENGINE_VERSION } from '../engine';
import { formatPath, type PathPart, preview, type ScenarioError } from '../scenario/errors';
import { loadScenarioJson, type ScenarioFile, scenarioHash } from '../scenario';
import { DEPTH_MESSAGE, MAX_JSON_DEPTH, MAX_RUN_DAYS, MAX_RUN_TICKS, textDepth } from '../scenario/limits';
import { commandSchema } from './command-schema';
import type { Checkpoint } from './record';

export const SESSION_FORMAT = 1;
export const MAX_SESSION_BYTES = 5_000_000;

const hash = z.string().regex(/^[0-9a-f]{16}$/, { error: 'must be a 16-digit hexadecimal hash' });
const tick = z
  .number()
  .int()
  .min(0)
  .max(MAX_RUN_TICKS, { error: `must be at most ${MAX_RUN_TICKS} (${MAX_RUN_DAYS} simulated days, the longest run)` });

export const sessionSchema = z.strictObject({
  format: z.literal(SESSION_FORMAT, { error: `must be ${SESSION_FORMAT}` }),
  engine: z.number().int().min(1),
  name: z.string().max(200).optional(),
  createdAt: z.string().max(40).optional(),
  scenario: z.record(z.string(), z.unknown()),
  scenarioHash: hash,
  seed: z.number().int().min(0).max(4294967295),
  endTick: tick,
  commands: z.array(commandSchema),
  checkpoints: z.array(z.strictObject({ tick, hash })).min(1, { error: 'a session needs at least its final checkpoint' }),
  notes: z.array(z.strictObject({ tick, text: z.string().max(2000) })).optional(),
  hintsAllowed: z.boolean().optional(),
});

export interface SessionFile {
  readonly format: typeof SESSION_FORMAT;
  readonly engine: number;
  readonly name?: string;
  readonly createdAt?: string;
  readonly scenario: ScenarioFile;
  readonly scenarioHash: string;
  readonly seed: number;
  readonly endTick: number;
  readonly commands: readonly Command[];
  readonly checkpoints: readonly Checkpoint[];
  readonly notes?: readonly Note[];
  /**
   * False when the run was made with its hints switched off (an assignment's setting): a replay
   * shows none and a run taken over from it keeps them off. Absent: hints were allowed.
   */
  readonly hintsAllowed?: boolean;
}

/** An instructor's note at a tick of a session: shown on the timeline, never part of the simulation. */
export interface Note {
  readonly tick: number;
  readonly text: string;
}

export function makeSession(
  scenario: ScenarioFile,
  seed: number,
  commands: readonly Command[],
  endTick: number,
  checkpoints: readonly Checkpoint[],
  about: { readonly name?: string | undefined; readonly hintsAllowed?: boolean } = {},
): SessionFile {
  return {
    format: SESSION_FORMAT,
    engine: ENGINE_VERSION,
    ...(about.name === undefined ? {} : { name: about.name }),
    scenario,
    scenarioHash: scenarioHash(scenario),
    seed,
    endTick,
    commands,
    checkpoints,
    ...(about.hintsAllowed === false ? { hintsAllowed: false } : {}),
  };
}

export type SessionLoad = { readonly ok: true; readonly session: SessionFile } | { readonly ok: false; readonly errors: readonly ScenarioError[] };

/**
 * A file's text as JSON, within a size (in words: `sizeLimit`) and the nesting limit, checked
 * before parsing so a hostile file can neither exhaust memory nor the stack.
 */
export function parseFileJson(text: string, maxBytes: number, sizeLimit: string): { readonly ok: true; readonly raw: unknown } | { readonly ok: false; readonly errors: readonly ScenarioError[] } {
  if (text.length > maxBytes) return { ok: false, errors: [{ path: '', message: sizeLimit }] };
  if (textDepth(text) > MAX_JSON_DEPTH) return { ok: false, errors: [{ path: '', message: DEPTH_MESSAGE }] };
  try {
    return { ok: true, raw: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, errors: [{ path: '', message: `the file is not valid JSON (is it complete?): ${(e as Error).message}` }] };
  }
}

/**
 * The scenario a session (or a run streamed to a school server) carries: valid, and the one its
 * hash names (a scenario edited after the run would replay something else). Errors under `scenario.`.
 */
export function embeddedScenario(raw: Record<string, unknown>, hash: string): { readonly ok: true; readonly scenario: ScenarioFile } | { readonly ok: false; readonly errors: readonly ScenarioError[] } {
  const sc = loadScenarioJson(raw);
  if (!sc.ok) return { ok: false, errors: sc.errors.map((e) => ({ path: e.path === '' ? 'scenario' : `scenario.${e.path}`, message: e.message })) };
  if (scenarioHash(sc.scenario) !== hash) {
    return { ok: false, errors: [{ path: 'scenarioHash', message: 'does not match the embedded scenario: the scenario was edited after the session was recorded' }] };
  }
  return { ok: true, scenario: sc.scenario };
}

/** Parse and validate a session file's text; errors name the JSON path. */
export function loadSessionText(text: string): SessionLoad {
  const parsed = parseFileJson(text, MAX_SESSION_BYTES, 'a session file may be at most 5 MB');
  return parsed.ok ? loadSessionValue(parsed.raw) : parsed;
}

/** Validate a session already parsed from JSON (a file, or one run of a backup); errors name the JSON path. */
export function loadSessionValue(raw: unknown): SessionLoad {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, errors: [{ path: '', message: 'a session must be a JSON object' }] };
  const format = (raw as { format?: unknown }).format;
  if (typeof format === 'number' && format > SESSION_FORMAT) {
    return { ok: false, errors: [{ path: 'format', message: `this session is format ${format}, from a newer Learning Factory; this one reads up to ${SESSION_FORMAT}` }] };
  }
  const parsed = sessionSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => {
        const path = i.path as PathPart[];
        let v: unknown = raw;
        for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PathPart, unknown>)[p] : undefined;
        return { path: formatPath(path), message: v === undefined ? 'is required' : `${i.message}; got ${preview(v)}` };
      }),
    };
  }
  const sc = embeddedScenario(parsed.data.scenario, parsed.data.scenarioHash);
  if (!sc.ok) return sc;
  const cmds = parsed.data.commands as Command[];
  for (let k = 0; k < cmds.length; k++) {
    if (k > 0 && cmds[k]!.tick < cmds[k - 1]!.tick) return { ok: false, errors: [{ path: `commands[${k}].tick`, message: 'commands must be in tick order' }] };
    if (cmds[k]!.tick > parsed.data.endTick) return { ok: false, errors: [{ path: `commands[${k}].tick`, message: `is after the end of the session (endTick ${parsed.data.endTick})` }] };
  }
  const last = parsed.data.checkpoints[parsed.data.checkpoints.length - 1]!;
  if (last.tick !== parsed.data.endTick) {
    return { ok: false, errors: [{ path: `checkpoints[${parsed.data.checkpoints.length - 1}].tick`, message: `the last checkpoint must be the final state at endTick ${parsed.data.endTick}; got ${last.tick}` }] };
  }
  return { ok: true, session: { ...parsed.data, scenario: sc.scenario, commands: cmds } as SessionFile };
}
