/**
 * Between a part of the file (a station, a fault, an alarm rule, the scenario's settings) and
 * its form: the form sees the keys it shows; what it gives back is merged into the original
 * in the original's key order, keys emptied in the form are removed, and nothing the form
 * library fills in by itself (an empty list, an empty object) reaches the file.
 */
import { isObject, type Json } from './draft';
import type { SchemaNode } from './form-schema';

type Obj = { readonly [key: string]: Json };

function shownKeys(schema: SchemaNode): string[] {
  return Object.keys((schema.properties ?? {}) as object);
}

export function formDataOf(original: Obj, schema: SchemaNode): { [key: string]: unknown } {
  const out: { [key: string]: unknown } = {};
  for (const key of shownKeys(schema)) if (original[key] !== undefined) out[key] = original[key];
  return out;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.values(v).every((x) => x === undefined));
}

/** Drop what is empty inside a nested object the form gave back, keeping the original's key order. */
function clean(original: Json | undefined, value: unknown, schema: SchemaNode): Json | undefined {
  if (isObject(value) && schema.type === 'object' && schema.properties !== undefined) {
    const base = isObject(original) ? original : {};
    const merged = merge(base, value as { [key: string]: unknown }, schema);
    return Object.keys(merged).length === 0 && !isObject(original) ? undefined : merged;
  }
  if (isEmpty(value) && original === undefined) return undefined;
  if (value === undefined || value === '') return undefined;
  return value as Json;
}

function merge(original: Obj, data: { [key: string]: unknown }, schema: SchemaNode): { [key: string]: Json } {
  const props = (schema.properties ?? {}) as { [key: string]: SchemaNode };
  const out: { [key: string]: Json } = {};
  const shown = new Set(Object.keys(props));
  for (const key of Object.keys(original)) {
    if (!shown.has(key)) {
      out[key] = original[key]!;
      continue;
    }
    const v = clean(original[key], data[key], props[key]!);
    if (v !== undefined) out[key] = v;
  }
  for (const key of Object.keys(data)) {
    if (key in original || !shown.has(key)) continue;
    const v = clean(undefined, data[key], props[key]!);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** The original with the form's values in place; the same object when nothing changed. */
export function applyForm(original: Obj, data: { [key: string]: unknown }, schema: SchemaNode): Obj {
  const next = merge(original, data, schema);
  return JSON.stringify(next) === JSON.stringify(original) ? original : next;
}
