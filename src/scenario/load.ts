/**
 * Loading a scenario file: size limit, JSON syntax with line and column, forbidden keys,
 * format version and migrations, schema, then the checks of check.ts. Every failure is a list
 * of errors with JSON paths; nothing throws.
 */
import type { LineModel } from '../engine';
import { checkScenario } from './check';
import { compileScenario } from './compile';
import { formatPath, type PathPart, preview, type ScenarioError, suggestion, valueAt } from './errors';
import { findJsonError } from './json-syntax';
import { DEPTH_MESSAGE, MAX_JSON_DEPTH, MAX_REPORTED_ERRORS, textDepth, valueDepth } from './limits';
import { FORMAT_VERSION, fault, type ScenarioFile, scenarioSchema, station } from './schema';

export const MAX_SCENARIO_BYTES = 1_000_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type LoadResult =
  | { readonly ok: true; readonly scenario: ScenarioFile; readonly model: LineModel }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

function syntaxError(text: string, message: string): string {
  const p = findJsonError(text);
  return p === null ? `the file is not valid JSON: ${message}` : `the file is not valid JSON at line ${p.line}, column ${p.column}: expected ${p.expected}`;
}

/** Keys that could reach Object.prototype are refused wherever they appear. */
function forbiddenKeys(v: unknown, path: PathPart[], out: ScenarioError[]): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) forbiddenKeys(v[i], [...path, i], out);
  } else if (v !== null && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) out.push({ path: formatPath([...path, k]), message: `the key "${k}" is not allowed` });
      else forbiddenKeys((v as Record<string, unknown>)[k], [...path, k], out);
    }
  }
}

/** Forward migrations, one per older format: raw JSON in, raw JSON of the next format out. */
const MIGRATIONS: Readonly<Record<number, (raw: Record<string, unknown>) => Record<string, unknown>>> = {};

function migrate(raw: Record<string, unknown>): { raw: Record<string, unknown> } | { error: ScenarioError } {
  let format = raw.format;
  if (format === undefined) return { error: { path: 'format', message: `is missing: a scenario starts with "format": ${FORMAT_VERSION}` } };
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) {
    return { error: { path: 'format', message: `must be a format version number like ${FORMAT_VERSION}; got ${preview(format)}` } };
  }
  if (format > FORMAT_VERSION) {
    return { error: { path: 'format', message: `this file is format ${format}, written by a newer Learning Factory; this one reads up to ${FORMAT_VERSION}` } };
  }
  let current = raw;
  while ((format as number) < FORMAT_VERSION) {
    const step = MIGRATIONS[format as number];
    if (step === undefined) return { error: { path: 'format', message: `format ${format} can no longer be read` } };
    current = step(current);
    format = current.format;
  }
  return { raw: current };
}

function schemaErrors(raw: unknown): ScenarioError[] | ScenarioFile {
  const parsed = scenarioSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const errors: ScenarioError[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path as PathPart[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: formatPath([...path, key]), message: unknownKey(raw, path, key) });
      continue;
    }
    const value = valueAt(raw, path);
    if (value === undefined) {
      errors.push({ path: formatPath(path), message: 'is required' });
      continue;
    }
    errors.push({ path: formatPath(path), message: `${issue.message}; got ${preview(value)}` });
  }
  return capErrors(errors);
}

/** A long list of errors is cut (a broken generator can produce thousands): the rest are counted. */
export function capErrors(errors: ScenarioError[]): ScenarioError[] {
  if (errors.length <= MAX_REPORTED_ERRORS) return errors;
  const rest = errors.length - MAX_REPORTED_ERRORS;
  return [...errors.slice(0, MAX_REPORTED_ERRORS), { path: '', message: `… and ${rest} more error${rest === 1 ? '' : 's'} like these` }];
}

type Variant = { readonly shape: Record<string, unknown> };
/** Which keys each type of a discriminated union (station or fault) allows. */
function keysByType(options: readonly Variant[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of options) {
    const literal = o.shape.type as { value?: unknown; values?: Set<unknown> };
    const type = String(literal.value ?? [...(literal.values ?? [])][0]);
    out.set(type, Object.keys(o.shape));
  }
  return out;
}
const STATION_KEYS = keysByType(station.options as unknown as Variant[]);
const FAULT_KEYS = keysByType(fault.options as unknown as Variant[]);

/**
 * The message for an unknown key: a key another type of station or fault has is named with
 * those types (a "did you mean" would only suggest the key itself); otherwise the nearest
 * valid key.
 */
function unknownKey(raw: unknown, path: readonly PathPart[], key: string): string {
  if (path.length === 0) return `unknown key "${key}"${suggestion(key, Object.keys(scenarioSchema.shape))}`;
  const holder = valueAt(raw, path) as { type?: unknown } | undefined;
  const byType = path[0] === 'line' && path[1] === 'stations' ? STATION_KEYS : path[0] === 'faults' && path.length === 2 ? FAULT_KEYS : null;
  if (byType !== null && holder !== undefined && typeof holder.type === 'string') {
    const own = byType.get(holder.type);
    const others = [...byType].filter(([, keys]) => keys.includes(key)).map(([type]) => type);
    const what = byType === STATION_KEYS ? 'station' : 'fault';
    if (others.length > 0) return `unknown key "${key}" on a ${holder.type} ${what}: only ${others.join(', ')} ${what}s have it`;
    if (own !== undefined) return `unknown key "${key}"${suggestion(key, own)}`;
  }
  return `unknown key "${key}"${suggestion(key, NESTED_KEYS)}`;
}

/** Keys used inside stations, faults and alarm rules, for "did you mean" on an unknown key. */
const NESTED_KEYS = ['id', 'name', 'type', 'position', 'processTime', 'setupTime', 'usesAir', 'sensors', 'characteristic', 'capacity', 'length', 'speed', 'interarrival', 'lots', 'quantity', 'scrapProbability', 'reworkTo', 'reworkSide', 'gaugeSd', 'station', 'trigger', 'resolvedBy', 'recurring', 'description', 'temptingFix', 'repair', 'mttr', 'stopReason', 'timeToFailure', 'driftPerPart', 'offset', 'sensor', 'factor', 'signal', 'drop', 'develop', 'rise', 'lot', 'defectRate', 'stations', 'connections', 'condition', 'limit', 'deadband', 'onDelay', 'offDelay', 'priority', 'message', 'suppressWhenStopped', 'trip', 'nominal', 'tolerance', 'sd', 'thermalCoeff', 'unit', 'dist', 'mean', 'min', 'max', 'mode', 'cv', 'shape', 'scale', 'values', 'weights', 'value', 'mtbf', 'basis', 'random', 'at', 'afterParts', 'defaults', 'scan', 'rules', 'passScore', 'targets', 'penalties', 'en', 'nb', 'value'];

export function loadScenarioText(text: string): LoadResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_SCENARIO_BYTES) {
    return { ok: false, errors: [{ path: '', message: `the file is ${Math.round(bytes / 1024)} kB; scenario files may be at most 1 MB` }] };
  }
  if (textDepth(text) > MAX_JSON_DEPTH) return { ok: false, errors: [{ path: '', message: DEPTH_MESSAGE }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: '', message: syntaxError(text, message) }] };
  }
  return loadScenarioJson(raw);
}

/**
 * Scenarios this page has already checked, by the object the check returned: the library checks
 * a file, hands the scenario to the store, and the store's load would check and compile it
 * again. A checked scenario is read-only from then on (the editor works on its own raw JSON).
 */
const checked = new WeakMap<object, LoadResult>();

export function loadScenarioJson(raw: unknown): LoadResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: '', message: 'a scenario must be a JSON object ({ ... })' }] };
  }
  const known = checked.get(raw);
  if (known !== undefined) return known;
  if (valueDepth(raw) > MAX_JSON_DEPTH) return { ok: false, errors: [{ path: '', message: DEPTH_MESSAGE }] };
  const forbidden: ScenarioError[] = [];
  forbiddenKeys(raw, [], forbidden);
  if (forbidden.length > 0) return { ok: false, errors: capErrors(forbidden) };
  const migrated = migrate(raw as Record<string, unknown>);
  if ('error' in migrated) return { ok: false, errors: [migrated.error] };
  const parsed = schemaErrors(migrated.raw);
  if (Array.isArray(parsed)) return { ok: false, errors: parsed };
  const semantic = checkScenario(parsed);
  if (semantic.length > 0) return { ok: false, errors: capErrors(semantic) };
  const result: LoadResult = { ok: true, scenario: parsed, model: compileScenario(parsed) };
  checked.set(parsed, result);
  return result;
}
