/** Validation errors that name where a file is wrong and say what is wrong in plain words. */
export interface ScenarioError {
  /** JSON path, e.g. `line.stations[2].processTime`; "" for the whole file. */
  readonly path: string;
  readonly message: string;
}

export type PathPart = string | number | symbol;

export function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'symbol') out += `.${String(p)}`;
    else out += out === '' ? p : `.${p}`;
  }
  return out;
}

export function valueAt(root: unknown, path: readonly PathPart[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathPart, unknown>)[p];
  }
  return v;
}

export function preview(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** One line per error: `path: message`. */
export function describeErrors(errors: readonly ScenarioError[]): string {
  return errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('\n');
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** "did you mean ...?" for a misspelt key or id. */
export function suggestion(word: string, options: readonly string[]): string {
  let best = '';
  let bestD = Number.POSITIVE_INFINITY;
  const limit = Math.max(2, Math.floor(word.length / 3));
  for (const o of options) {
    // The distance is at least the difference in length: skip the ones that cannot qualify.
    if (Math.abs(o.length - word.length) > limit || o.length > 200) continue;
    const d = editDistance(word, o);
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  return best !== '' && bestD <= limit && word.length <= 200 ? ` (did you mean "${best}"?)` : '';
}
