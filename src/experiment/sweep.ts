/**
 * A sweep: one parameter of the scenario set to each value of a range. The parameter is named
 * the way a technician would — `B1.capacity` (a station's field), `buffers.capacity` (every
 * buffer's), or a JSON path such as `faults[0].trigger.mtbf` — and a buffer's capacity of 0 means
 * no buffer at all: the station is taken out and its neighbours joined.
 */
type Raw = { [key: string]: unknown };

export interface SweepSpec {
  readonly path: string;
  readonly from: number;
  readonly to: number;
  readonly step: number;
}

/** The most points a sweep may have (each is a set of replications). */
export const MAX_SWEEP_POINTS = 50;

/** `path=from:to:step` → the spec, or why not. */
export function parseSweep(text: string): SweepSpec | { error: string } {
  const m = /^([^=]+)=(-?\d+(?:\.\d+)?):(-?\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (m === null) return { error: `--sweep must be path=from:to:step, like B1.capacity=0:10:1; got ${text}` };
  const spec = { path: m[1]!.trim(), from: Number(m[2]), to: Number(m[3]), step: Number(m[4]) };
  const points = sweepValues(spec);
  if (spec.step <= 0) return { error: 'the sweep step must be more than 0' };
  if (spec.to < spec.from) return { error: 'the sweep must go from a smaller value to a larger one' };
  if (points.length > MAX_SWEEP_POINTS) return { error: `a sweep may have at most ${MAX_SWEEP_POINTS} points; this one has ${points.length}` };
  return spec;
}

export function sweepValues(spec: SweepSpec): number[] {
  const out: number[] = [];
  if (spec.step <= 0) return out;
  // Counted in steps, not summed, so 0.1 steps do not drift.
  for (let k = 0; ; k++) {
    const v = Math.round((spec.from + k * spec.step) * 1e9) / 1e9;
    if (v > spec.to + 1e-9 || out.length > MAX_SWEEP_POINTS) break;
    out.push(v);
  }
  return out;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function stations(raw: Raw): Raw[] {
  const line = raw.line as { stations?: unknown } | undefined;
  return Array.isArray(line?.stations) ? (line.stations as Raw[]) : [];
}

function setPath(target: Raw, parts: readonly (string | number)[], value: unknown): boolean {
  let v: unknown = target;
  for (const p of parts.slice(0, -1)) {
    if (v === null || typeof v !== 'object') return false;
    v = (v as Record<string | number, unknown>)[p];
  }
  if (v === null || typeof v !== 'object') return false;
  (v as Record<string | number, unknown>)[parts[parts.length - 1]!] = value;
  return true;
}

function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] === undefined ? m[1]! : Number(m[2]));
  return out;
}

/** Take a buffer out of the line: each of its inputs connected to each of its outputs. */
function bypass(raw: Raw, id: string): void {
  const line = raw.line as { stations: Raw[]; connections: [string, string][] };
  const ins = line.connections.filter(([, b]) => b === id).map(([a]) => a);
  const outs = line.connections.filter(([a]) => a === id).map(([, b]) => b);
  line.stations = line.stations.filter((s) => s.id !== id);
  const kept = line.connections.filter(([a, b]) => a !== id && b !== id);
  for (const a of ins) for (const b of outs) if (!kept.some(([x, y]) => x === a && y === b)) kept.push([a, b]);
  line.connections = kept;
}

/** The scenario with the parameter set to `value`, or why it cannot be. */
export function withParameter(raw: Raw, path: string, value: number): Raw | { error: string } {
  const out = clone(raw);
  const parts = parsePath(path);
  const [head, ...rest] = parts;
  if (head === 'buffers' && rest.length > 0) {
    const buffers = stations(out).filter((s) => s.type === 'buffer');
    if (buffers.length === 0) return { error: 'the line has no buffers' };
    for (const b of buffers) {
      if (rest.length === 1 && rest[0] === 'capacity' && value === 0) bypass(out, String(b.id));
      else setPath(b, rest, value);
    }
    return out;
  }
  const station = stations(out).find((s) => s.id === head);
  if (station !== undefined && rest.length > 0) {
    if (station.type === 'buffer' && rest.length === 1 && rest[0] === 'capacity' && value === 0) bypass(out, String(station.id));
    else setPath(station, rest, value);
    return out;
  }
  if (parts.length === 0 || !setPath(out, parts, value)) return { error: `no parameter "${path}" in this scenario: name a station's field (B1.capacity), every buffer's (buffers.capacity), or a JSON path (faults[0].trigger.mtbf)` };
  return out;
}
