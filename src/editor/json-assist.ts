/**
 * What the JSON tab needs beyond a text editor: where in the text a file-check error's path is
 * (to underline it), and what keys and values the scenario's JSON Schema allows at a place in
 * the text (to suggest them). Pure, on the text and the schema.
 */
import { findNodeAtLocation, getLocation, type Node, parseTree } from 'jsonc-parser';
import type { SchemaNode } from './form-schema';

/** The text range of the value at a path, or of the nearest enclosing value that exists. */
export function rangeOf(text: string, parts: readonly (string | number)[]): { from: number; to: number } {
  const root = parseTree(text);
  if (root === undefined) return { from: 0, to: 0 };
  for (let n = parts.length; n >= 0; n--) {
    const node: Node | undefined = findNodeAtLocation(root, parts.slice(0, n) as (string | number)[]);
    if (node === undefined) continue;
    // A missing key: underline the object that lacks it, at its opening brace only.
    if (n < parts.length) return { from: node.offset, to: node.offset + 1 };
    // A key's value: underline the key too when the value is an object or array (long).
    const start = node.parent?.type === 'property' ? node.parent.offset : node.offset;
    const end = node.type === 'object' || node.type === 'array' ? (node.parent?.type === 'property' ? node.offset + 1 : node.offset + 1) : node.offset + node.length;
    return { from: start, to: Math.max(end, start + 1) };
  }
  return { from: 0, to: 0 };
}

function alternatives(n: SchemaNode): SchemaNode[] {
  const list = (n.anyOf ?? n.oneOf) as SchemaNode[] | undefined;
  return list === undefined ? [n] : list.flatMap(alternatives);
}

/** The schema alternatives that describe the value at a path. */
export function schemasAt(root: SchemaNode, path: readonly (string | number)[]): SchemaNode[] {
  let here = alternatives(root);
  for (const p of path) {
    here = here.flatMap((s) => {
      if (typeof p === 'number') {
        const prefix = s.prefixItems as SchemaNode[] | undefined;
        const item = prefix?.[p] ?? (s.items as SchemaNode | undefined);
        return item !== undefined && typeof item === 'object' ? alternatives(item) : [];
      }
      const props = s.properties as Record<string, SchemaNode> | undefined;
      return props?.[p] ? alternatives(props[p]!) : [];
    });
  }
  return here;
}

export interface Suggestion {
  readonly label: string;
  /** What to insert: a key with its quotes, or a JSON value. */
  readonly apply: string;
  readonly kind: 'property' | 'value';
}

/** Keys (at a key) or values (at a value) the schema allows at this offset of the text. */
export function suggestionsAt(text: string, offset: number, root: SchemaNode): Suggestion[] {
  const loc = getLocation(text, offset);
  const path = loc.path.slice();
  if (loc.isAtPropertyKey) {
    const parent = schemasAt(root, path.slice(0, -1));
    const keys = new Set(parent.flatMap((s) => Object.keys((s.properties ?? {}) as object)));
    return [...keys].map((k) => ({ label: k, apply: `"${k}"`, kind: 'property' }));
  }
  const values = new Set<string>();
  for (const s of schemasAt(root, path)) {
    if (s.const !== undefined) values.add(JSON.stringify(s.const));
    for (const v of (s.enum as unknown[] | undefined) ?? []) values.add(JSON.stringify(v));
    if (s.type === 'boolean') {
      values.add('true');
      values.add('false');
    }
  }
  return [...values].map((v) => ({ label: v, apply: v, kind: 'value' }));
}
