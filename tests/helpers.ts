import { readFileSync } from 'node:fs';
import { advance, apply, type Command, createState, type LineModel, type State } from '../src/engine';
import { describeErrors, loadScenarioJson, type ScenarioFile } from '../src/scenario';
import { loadSessionText, type SessionFile } from '../src/session/session-file';

export type ScenarioInput = Record<string, unknown>;

/** A valid scenario object with the given line and overrides. */
export function scenario(overrides: ScenarioInput): ScenarioInput {
  return { format: 1, id: 'test', title: 'Test', briefing: 'Test', seed: 1, duration: '8h', ...overrides };
}

export function compile(input: ScenarioInput): { model: LineModel; scenario: ScenarioFile } {
  const r = loadScenarioJson(input);
  if (!r.ok) throw new Error(describeErrors(r.errors));
  return { model: r.model, scenario: r.scenario };
}

export function modelOf(input: ScenarioInput): LineModel {
  return compile(input).model;
}

/** Run a command log from scratch to `toTick`; returns the state and each command's result. */
export function run(model: LineModel, seed: number, commands: readonly Command[], toTick: number) {
  const s = createState(model, seed);
  const results = commands.map((c) => apply(s, c));
  advance(s, toTick);
  return { s, results };
}

/** Parts physically inside the line (every queue, machine and kit). */
export function partsInside(s: State): number {
  let n = 0;
  for (const st of s.stations) n += st.queue.length + (st.work ? 1 : 0) + (st.done ? 1 : 0) + st.kit.filter((p) => p !== null).length;
  return n;
}

export const min = (m: number) => m * 600;
export const sec = (x: number) => x * 10;

/** A simple line: source → machine M (with a diameter) → buffer → inspection QC → sink. */
export function simpleLine(extra: ScenarioInput = {}, machine: ScenarioInput = {}): ScenarioInput {
  return scenario({
    line: {
      stations: [
        { id: 'SRC', type: 'source' },
        { id: 'M', type: 'machine', processTime: '30s', characteristic: { name: 'diameter', nominal: 20, tolerance: 0.05, sd: 0.005 }, ...machine },
        { id: 'B', type: 'buffer', capacity: 4 },
        { id: 'QC', type: 'inspection', processTime: '10s' },
        { id: 'OUT', type: 'sink' },
      ],
      connections: [
        ['SRC', 'M'],
        ['M', 'B'],
        ['B', 'QC'],
        ['QC', 'OUT'],
      ],
    },
    ...extra,
  });
}

/** A golden session of tests/golden/, loaded and checked as any session file is. */
export function goldenSession(name: string): SessionFile {
  const r = loadSessionText(readFileSync(`tests/golden/${name}.session.json`, 'utf8'));
  if (!r.ok) throw new Error(`golden session ${name} does not load`);
  return r.session;
}
