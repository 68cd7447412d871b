/**
 * Seeded mutations of JSON documents, for fuzzing the file loaders. Each mutation is one of a
 * small set of edits a broken tool, a hand edit or a hostile file makes: delete a key, change a
 * value's type, a value out of range, a key moved from another object, a huge or deeply nested
 * value, a truncated or garbled text. The generator is our own small PRNG so a failing seed
 * reproduces on any machine.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export class Rand {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  /** xorshift32: small and the same everywhere. */
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

type Path = (string | number)[];

/** Every path to a value inside `doc` (objects and arrays included). */
function paths(doc: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(doc)) doc.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (doc !== null && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) paths(v, [...prefix, k], out);
  return out;
}

function keysOf(doc: Json, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(doc)) for (const v of doc) keysOf(v, out);
  else if (doc !== null && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) (out.add(k), keysOf(v, out));
  return out;
}

/** Past this depth even JSON.stringify overflows its stack: the text is written by hand. */
const DEEP_MARK = '__DEEP_NESTING__';
const HAND_WRITTEN_DEPTH = 10_000;

function nest(depth: number): Json {
  if (depth >= HAND_WRITTEN_DEPTH) return DEEP_MARK;
  let v: Json = 1;
  for (let k = 0; k < depth; k++) v = k % 2 === 0 ? [v] : { a: v };
  return v;
}

const ODD_VALUES: readonly Json[] = [null, true, false, 0, -1, 1e308, -1e308, 4294967296, 0.5, '', 'x', '45s', '1300d', '-5m', '99999999d', [], {}, [1, 2], { en: 'x' }, '__proto__'];

function randomValue(r: Rand, keys: readonly string[]): Json {
  switch (r.int(6)) {
    case 0:
      return r.pick(ODD_VALUES);
    case 1:
      return r.int(1_000_000) - 500_000;
    case 2:
      return nest(r.pick([3, 40, 70, HAND_WRITTEN_DEPTH]));
    case 3:
      return 'é"\\\u0000'.repeat(r.int(5) + 1);
    case 4:
      return { [r.pick(keys)]: r.pick(ODD_VALUES) };
    default:
      return Array.from({ length: r.pick([1, 10, 600, 3000]) }, (_, k) => `X${k}`);
  }
}

function parentOf(doc: Json, path: Path): Json {
  let v: Json = doc;
  for (const p of path.slice(0, -1)) v = (v as Record<string | number, Json>)[p]!;
  return v;
}

/** One mutation of a deep copy of `doc`, described in words for the failure message. */
export function mutate(doc: Json, r: Rand): { doc: Json; what: string } {
  const copy = JSON.parse(JSON.stringify(doc)) as Json;
  const all = paths(copy).filter((p) => p.length > 0);
  const keys = [...keysOf(copy)];
  const path = r.pick(all);
  const parent = parentOf(copy, path) as Record<string | number, Json>;
  const list = Array.isArray(parent) ? (parent as Json[]) : null;
  const last = path[path.length - 1]!;
  const where = path.join('.');
  switch (r.int(6)) {
    case 0:
      if (list !== null) list.splice(last as number, 1);
      else delete parent[last];
      return { doc: copy, what: `delete ${where}` };
    case 1: {
      const v = randomValue(r, keys);
      parent[last] = v;
      return { doc: copy, what: `set ${where} to ${JSON.stringify(v).slice(0, 60)}` };
    }
    case 2: {
      // A key that is valid somewhere else in the file, put here.
      const target = list !== null ? copy : parent;
      const key = r.pick(keys);
      (target as Record<string, Json>)[key] = r.pick(ODD_VALUES);
      return { doc: copy, what: `add key ${key} beside ${where}` };
    }
    case 3:
      if (list !== null) {
        const n = r.pick([2, 50, 600]);
        for (let k = 0; k < n; k++) list.push(JSON.parse(JSON.stringify(list[last as number] ?? null)) as Json);
        return { doc: copy, what: `repeat ${where} ${n} times` };
      }
      parent[last] = nest(r.pick([65, 10_000]));
      return { doc: copy, what: `nest ${where} deeply` };
    case 4: {
      const v = parent[last];
      parent[last] = typeof v === 'number' ? v * r.pick([-1, 1e6, 0, 1.5]) : typeof v === 'string' ? v.slice(0, r.int(v.length + 1)) + r.pick(['', 'x', ' ', '"']) : r.pick(ODD_VALUES);
      return { doc: copy, what: `perturb ${where}` };
    }
    default:
      return { doc: copy, what: 'truncate the text' };
  }
}

/** The text of a mutated document; a 'truncate' mutation cuts the text at a random place. */
export function textOf(m: { doc: Json; what: string }, r: Rand): string {
  const deep = `${'['.repeat(HAND_WRITTEN_DEPTH)}1${']'.repeat(HAND_WRITTEN_DEPTH)}`;
  const text = JSON.stringify(m.doc, null, 2).replaceAll(`"${DEEP_MARK}"`, deep);
  return m.what === 'truncate the text' ? text.slice(0, r.int(text.length)) : text;
}
