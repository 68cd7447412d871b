/**
 * The file check's errors where they belong in the editor: under the field of the form they
 * name (in the same words, with the same path), on the graph's station, in the texts, or in a
 * list of what no form shows.
 */
import type { ScenarioError } from '../scenario';
import { type Path, parsePath } from './draft';
import type { SchemaNode } from './form-schema';

export interface PlacedError extends ScenarioError {
  readonly parts: readonly (string | number)[];
}

export function place(errors: readonly ScenarioError[]): PlacedError[] {
  return errors.map((e) => ({ ...e, parts: parsePath(e.path) }));
}

export function startsWith(parts: readonly (string | number)[], prefix: Path): boolean {
  return prefix.length <= parts.length && prefix.every((p, i) => parts[i] === p);
}

export type ErrorSchema = { __errors?: string[]; [key: string]: ErrorSchema | string[] | undefined };

/**
 * The errors under `prefix`, as the form library's error schema: each at the deepest field the
 * form has on its path; what is left of the path goes in front of the message.
 */
export function formErrors(errors: readonly PlacedError[], prefix: Path, schema: SchemaNode): ErrorSchema {
  const out: ErrorSchema = {};
  for (const e of errors) {
    if (!startsWith(e.parts, prefix)) continue;
    const rest = e.parts.slice(prefix.length);
    let node: ErrorSchema = out;
    let s: SchemaNode = schema;
    let k = 0;
    while (k < rest.length) {
      const key = rest[k]!;
      const props = (s.properties ?? {}) as Record<string, SchemaNode>;
      if (typeof key !== 'string' || props[key] === undefined) break;
      node = (node[key] ??= {}) as ErrorSchema;
      s = props[key]!;
      k++;
    }
    const left = rest.slice(k);
    const where = left.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
    (node.__errors ??= []).push(where === '' ? e.message : `${where}: ${e.message}`);
  }
  return out;
}

/** The station a path is about, if it is about one: `line.stations[3]...`. */
export function stationIndexOf(parts: readonly (string | number)[]): number | null {
  return parts[0] === 'line' && parts[1] === 'stations' && typeof parts[2] === 'number' ? parts[2] : null;
}
