import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The imports point one way (issue 15): no cycle anywhere in src/ (type-only imports count too:
 * a cycle of types is a tangle of modules all the same), and inside the engine each module
 * imports only from its own layer or the ones below it.
 */
const SRC = resolve(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every relative import and re-export of a file, resolved to a file under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^'";]*?\sfrom\s+['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    const base = resolve(dirname(file), m[1]!);
    const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((c) => /\.tsx?$/.test(c) && existsSync(c));
    if (found !== undefined) out.push(found);
  }
  return out;
}

const FILES = sources(SRC);
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));
const name = (f: string) => relative(SRC, f);

/** Strongly connected components of more than one module (Tarjan), each a cycle to untangle. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(name(w));
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/**
 * The engine's layers, bottom up, one folder each. core: time, randomness, maths, the model and
 * state types, the agenda. read: pure queries of the state. write: the primitives that change
 * counters, clocks and PackML states. systems: faults, process, alarms, flow, tasks. loop:
 * advance, apply, create; index.ts (the public face) sits above them all.
 */
const ORDER = ['core', 'read', 'write', 'systems', 'loop', 'face'];
const layerOf = (file: string): string | undefined => {
  const inside = relative(join(SRC, 'engine'), file);
  if (inside === 'index.ts') return 'face';
  const folder = inside.split('/')[0]!;
  return inside.includes('/') && ORDER.includes(folder) ? folder : undefined;
};

describe('the import graph', () => {
  it('reads the sources it checks', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(GRAPH.get(join(SRC, 'engine/loop/advance.ts'))).toContain(join(SRC, 'engine/core/agenda.ts'));
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const g = new Map([['/a', ['/b']], ['/b', ['/c']], ['/c', ['/a']], ['/d', ['/a']]]);
    expect(cycles(g)).toHaveLength(1);
    expect(cycles(new Map([['/a', ['/b']], ['/b', []]]))).toEqual([]);
  });

  it('has no import cycle anywhere in src/', () => {
    expect(cycles(GRAPH)).toEqual([]);
  });

  it('gives every engine module a layer (a folder of the five)', () => {
    const engine = FILES.filter((f) => f.startsWith(join(SRC, 'engine/')));
    expect(engine.filter((f) => layerOf(f) === undefined).map(name)).toEqual([]);
  });

  it('has engine modules import only from their own layer or below (read imports no writer)', () => {
    const wrong: string[] = [];
    for (const f of FILES.filter((x) => x.startsWith(join(SRC, 'engine/')))) {
      const from = ORDER.indexOf(layerOf(f)!);
      for (const g of GRAPH.get(f)!) {
        const to = ORDER.indexOf(layerOf(g) ?? '');
        if (to > from) wrong.push(`${name(f)} (${ORDER[from]}) imports ${name(g)} (${ORDER[to]})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has the systems call only the ones below them, in one fixed order (never each other both ways)', () => {
    // faults: onset, failure, repair. alarms: raise and clear (a trip stops a station through
    // faults). process: work inside a station (a part can trip a fault). flow: parts between
    // stations (hands them to process). tasks: maintenance (repairs through faults, lots
    // through flow).
    const SYSTEMS = ['faults', 'alarms', 'process', 'flow', 'tasks'];
    const dir = join(SRC, 'engine/systems');
    const files = FILES.filter((f) => dirname(f) === dir).map((f) => f.slice(dir.length + 1).replace(/\.ts$/, ''));
    expect(files.sort()).toEqual([...SYSTEMS].sort());
    const wrong: string[] = [];
    for (const from of SYSTEMS) {
      for (const g of GRAPH.get(join(dir, `${from}.ts`))!) {
        if (dirname(g) !== dir) continue;
        const to = g.slice(dir.length + 1).replace(/\.ts$/, '');
        if (SYSTEMS.indexOf(to) >= SYSTEMS.indexOf(from)) wrong.push(`systems/${from} calls systems/${to}, which is not below it`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps translation below the screens and the 3D view: i18n imports no ui, scene or store; scene and store import no ui', () => {
    const under = (f: string, dir: string) => f.startsWith(join(SRC, dir) + '/');
    const wrong: string[] = [];
    for (const [f, deps] of GRAPH) {
      for (const g of deps) {
        if (under(f, 'i18n') && ['ui', 'scene', 'store', 'session', 'app'].some((d) => under(g, d))) wrong.push(`${name(f)} imports ${name(g)}`);
        if ((under(f, 'scene') || under(f, 'store')) && under(g, 'ui')) wrong.push(`${name(f)} imports ${name(g)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
