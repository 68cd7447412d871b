/**
 * The line as a graph for the editor: stations are nodes, connections edges. Every operation
 * takes the draft and gives a new one; a station's id, where it changes, changes everywhere the
 * file names it (connections, faults, alarm rules, rework).
 */
import { asArray, type Draft, getAt, isObject, type Json, setAt } from './draft';
import { STATION_TEMPLATES, type PaletteItem } from './templates';

/** Metres in the file to pixels on the editor's canvas. */
export const PX_PER_METRE = 45;
/** Where a station without a position sits: along x, this far apart. */
const DEFAULT_SPACING_M = 4;

export interface StationNode {
  readonly id: string;
  readonly type: string;
  readonly index: number;
  /** Pixels on the canvas. */
  readonly x: number;
  readonly y: number;
  readonly station: { readonly [key: string]: Json };
}

export interface ConnectionEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly index: number;
}

export function stationsOf(draft: Draft): { [key: string]: Json }[] {
  return asArray(getAt(draft, ['line', 'stations'])).filter(isObject);
}

export function connectionsOf(draft: Draft): [string, string][] {
  return asArray(getAt(draft, ['line', 'connections'])).flatMap((c) => (Array.isArray(c) && typeof c[0] === 'string' && typeof c[1] === 'string' ? [[c[0], c[1]] as [string, string]] : []));
}

function positionOf(st: { [key: string]: Json }, index: number): [number, number] {
  const p = st.position;
  if (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number') return [p[0], p[1]];
  return [index * DEFAULT_SPACING_M, 0];
}

export function toGraph(draft: Draft): { nodes: StationNode[]; edges: ConnectionEdge[] } {
  const nodes = stationsOf(draft).map((st, index) => {
    const [x, z] = positionOf(st, index);
    return { id: String(st.id ?? `#${index}`), type: String(st.type ?? ''), index, x: x * PX_PER_METRE, y: z * PX_PER_METRE, station: st };
  });
  const edges = connectionsOf(draft).map(([from, to], index) => ({ id: `${from}->${to}`, from, to, index }));
  return { nodes, edges };
}

function stationIndex(draft: Draft, id: string): number {
  return stationsOf(draft).findIndex((s) => s.id === id);
}

/** A station dragged to pixels (x, y): its position in metres, to a tenth. */
export function moveStation(draft: Draft, id: string, x: number, y: number): Draft {
  const i = stationIndex(draft, id);
  if (i < 0) return draft;
  const round = (v: number) => Math.round((v / PX_PER_METRE) * 10) / 10;
  const next: [number, number] = [round(x), round(y)];
  const old = getAt(draft, ['line', 'stations', i, 'position']);
  if (Array.isArray(old) && old[0] === next[0] && old[1] === next[1]) return draft;
  return setAt(draft, ['line', 'stations', i, 'position'], next);
}

/** The next free id with this prefix: M1, M2, ... */
export function freeId(draft: Draft, prefix: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set([...stationsOf(draft).map((s) => String(s.id)), ...taken]);
  for (let k = 1; ; k++) if (!used.has(`${prefix}${k}`)) return `${prefix}${k}`;
}

/** Stations from the palette, placed right of the line (or at the given pixels). Returns the new ids. */
export function addStations(draft: Draft, item: PaletteItem, at?: { x: number; y: number }): { draft: Draft; ids: string[] } {
  const template = STATION_TEMPLATES[item];
  const stations = stationsOf(draft);
  const right = stations.reduce((m, st, i) => Math.max(m, positionOf(st, i)[0]), -DEFAULT_SPACING_M);
  const base: [number, number] = at ? [Math.round((at.x / PX_PER_METRE) * 10) / 10, Math.round((at.y / PX_PER_METRE) * 10) / 10] : [right + DEFAULT_SPACING_M, 0];
  let next = draft;
  const ids: string[] = [];
  template.stations.forEach((t, k) => {
    const id = freeId(next, t.prefix);
    ids.push(id);
    const station: { [key: string]: Json } = { id, type: t.type, ...t.fields, position: [base[0], base[1] + k * 3] };
    next = setAt(next, ['line', 'stations', stationsOf(next).length], station);
  });
  return { draft: next, ids };
}

/** A station removed with its connections. Faults and alarm rules that name it stay, and the check says so. */
export function removeStation(draft: Draft, id: string): Draft {
  const i = stationIndex(draft, id);
  if (i < 0) return draft;
  let next = setAt(draft, ['line', 'stations', i], undefined);
  next = setAt(
    next,
    ['line', 'connections'],
    connectionsOf(next).filter(([a, b]) => a !== id && b !== id),
  );
  return next;
}

export function connect(draft: Draft, from: string, to: string): Draft {
  if (from === to || connectionsOf(draft).some(([a, b]) => a === from && b === to)) return draft;
  return setAt(draft, ['line', 'connections'], [...connectionsOf(draft), [from, to]]);
}

export function disconnect(draft: Draft, from: string, to: string): Draft {
  const list = connectionsOf(draft);
  const kept = list.filter(([a, b]) => !(a === from && b === to));
  return kept.length === list.length ? draft : setAt(draft, ['line', 'connections'], kept);
}

/** A station's id changed, and with it every place in the file that names the station. */
export function renameStation(draft: Draft, from: string, to: string): Draft {
  const i = stationIndex(draft, from);
  if (i < 0 || from === to) return draft;
  const swap = (v: Json | undefined) => (v === from ? to : v);
  let next = setAt(draft, ['line', 'stations', i, 'id'], to);
  next = setAt(
    next,
    ['line', 'connections'],
    connectionsOf(next).map(([a, b]) => [swap(a) as string, swap(b) as string]),
  );
  stationsOf(next).forEach((st, k) => {
    if (st.reworkTo === from) next = setAt(next, ['line', 'stations', k, 'reworkTo'], to);
  });
  asArray(getAt(next, ['faults'])).forEach((f, k) => {
    if (!isObject(f)) return;
    if (f.station === from) next = setAt(next, ['faults', k, 'station'], to);
    if (Array.isArray(f.stations) && f.stations.includes(from)) next = setAt(next, ['faults', k, 'stations'], f.stations.map((x) => swap(x) ?? null));
  });
  asArray(getAt(next, ['alarms', 'rules'])).forEach((r, k) => {
    if (isObject(r) && r.station === from) next = setAt(next, ['alarms', 'rules', k, 'station'], to);
  });
  return next;
}
