/**
 * The scenario being edited, as the raw JSON object the file holds (never the parsed,
 * reordered one): every edit is a copy with one value changed at a path, so undo keeps the
 * old object, and a file opened and saved unchanged is the same file.
 */
import type { PathPart } from '../scenario/errors';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Draft = { readonly [key: string]: Json };
export type Path = readonly (string | number)[];

export function isObject(v: unknown): v is { [key: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function getAt(root: unknown, path: Path): Json | undefined {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v as Json | undefined;
}

/** A copy of `root` with the value at `path` set (undefined: the key removed), creating objects on the way. */
export function setAt<T extends Json>(root: T, path: Path, value: Json | undefined): T {
  if (path.length === 0) return (value ?? null) as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(root) && typeof head === 'number') {
    const copy = root.slice();
    if (value === undefined && rest.length === 0) copy.splice(head, 1);
    else copy[head] = setAt((root[head] ?? (typeof rest[0] === 'number' ? [] : {})) as Json, rest, value);
    return copy as T;
  }
  const obj: { [key: string]: Json } = isObject(root) ? root : {};
  const copy: { [key: string]: Json } = { ...obj };
  if (value === undefined && rest.length === 0) delete copy[head as string];
  else copy[head as string] = setAt((obj[head as string] ?? (typeof rest[0] === 'number' ? [] : {})) as Json, rest, value);
  return copy as T;
}

/** `line.stations[2].processTime` → ['line', 'stations', 2, 'processTime'] (the file check's path format). */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] === undefined ? m[1]! : Number(m[2]));
  return out;
}

export function samePath(a: readonly PathPart[], b: readonly PathPart[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The JSON text the editor saves and downloads: two-space indent and a final newline. */
export function formatScenario(draft: Draft): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}

export function asArray(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : [];
}

/** A list's item removed; the list itself goes when it was the last (an empty list is not valid everywhere). */
export function removeFrom(root: Draft, list: Path, index: number): Draft {
  const items = asArray(getAt(root, list));
  if (index < 0 || index >= items.length) return root;
  return items.length === 1 ? setAt(root, list, undefined) : setAt(root, [...list, index], undefined);
}
