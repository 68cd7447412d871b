import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/editor/draft';
import { formErrors, place } from '../../src/editor/errors';
import { addFault, stationsFor, timeline } from '../../src/editor/faults';
import { forForm, schemaFor } from '../../src/editor/form-schema';
import { addStations, connect, connectionsOf, disconnect, removeStation, renameStation, stationsOf, toGraph } from '../../src/editor/graph';
import { editorReducer, initialEditor, isDirty } from '../../src/editor/state';
import { blankScenario, copyOf, linesOnly } from '../../src/editor/templates';
import { setText, textFields } from '../../src/editor/texts';
import { loadScenarioJson } from '../../src/scenario';

const shipped = (id: string) => JSON.parse(readFileSync(join(__dirname, '../../scenarios', `${id}.json`), 'utf8')) as Draft;

describe('the line as a graph', () => {
  it('maps stations to nodes at their positions and connections to edges, in file order', () => {
    const g = toGraph(shipped('breakdown-drill'));
    expect(g.nodes.map((n) => n.id)).toEqual(['RAW', 'C1', 'L1', 'B1', 'M1', 'QC', 'OUT']);
    expect(g.nodes[4]).toMatchObject({ type: 'machine', x: 17 * 45, y: 0 });
    expect(g.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['RAW>C1', 'C1>L1', 'L1>B1', 'B1>M1', 'M1>QC', 'QC>OUT']);
  });

  it('builds a valid line from the palette: blank line, a buffer and parallel machines in between', () => {
    let d = blankScenario();
    d = disconnect(d, 'M1', 'OUT1');
    const b = addStations(d, 'buffer');
    d = b.draft;
    const p = addStations(d, 'parallel');
    d = p.draft;
    expect(b.ids).toEqual(['B1']);
    expect(p.ids).toEqual(['M2', 'M3']);
    for (const [x, y] of [['M1', 'B1'], ['B1', 'M2'], ['B1', 'M3'], ['M2', 'OUT1'], ['M3', 'OUT1']] as const) d = connect(d, x, y);
    expect(connect(d, 'M1', 'B1')).toBe(d);
    const r = loadScenarioJson(d);
    expect(r.ok, JSON.stringify(!r.ok && r.errors)).toBe(true);
  });

  it('renames a station everywhere the file names it', () => {
    const d = renameStation(shipped('breakdown-drill'), 'M1', 'MILL');
    expect(connectionsOf(d)).toContainEqual(['B1', 'MILL']);
    expect(connectionsOf(d)).toContainEqual(['MILL', 'QC']);
    expect((d.faults as { station: string }[])[0]!.station).toBe('MILL');
    expect(loadScenarioJson(d).ok).toBe(true);
  });

  it('removes a station with its connections; a fault left on it is an error that names the place', () => {
    const d = removeStation(shipped('breakdown-drill'), 'M1');
    expect(stationsOf(d).map((s) => s.id)).not.toContain('M1');
    expect(connectionsOf(d).flat()).not.toContain('M1');
    const r = loadScenarioJson(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('faults[0].station');
  });
});

describe('faults in the editor', () => {
  it('adds a fault of any type at a station that can have it, and lists when each starts', () => {
    let d = shipped('breakdown-drill');
    expect(stationsFor(d, 'conveyorJam')).toEqual(['C1']);
    const a = addFault(d, 'conveyorJam');
    d = a.draft;
    d = addFault(d, 'sensorNoisy', 'L1').draft;
    expect(loadScenarioJson(d).ok).toBe(true);
    expect(timeline(d).map((e) => [e.id, e.station, e.start])).toEqual([
      ['mill-drive', 'M1', { kind: 'at', seconds: 600 }],
      ['conveyorJam-1', 'C1', { kind: 'at', seconds: 600 }],
      ['sensorNoisy-1', 'L1', { kind: 'at', seconds: 600 }],
    ]);
  });
});

describe('texts in both languages', () => {
  it('marks a language that is missing, and writing Norwegian into a plain text makes the pair', () => {
    let d = blankScenario();
    d = { ...d, hints: ['Look at the stack lights.'] };
    const hint = textFields(d).find((t) => t.kind === 'hint')!;
    expect(hint.missing).toEqual(['nb']);
    d = setText(d, hint.path, 'nb', 'Se på signaltårnene.');
    expect(d.hints).toEqual([{ en: 'Look at the stack lights.', nb: 'Se på signaltårnene.' }]);
    expect(textFields(d).find((t) => t.kind === 'hint')!.missing).toEqual([]);
    expect(textFields(d).find((t) => t.kind === 'briefing')!.missing).toEqual(['en', 'nb']);
  });
});

describe('the editor state', () => {
  it('undoes and redoes edits; typing into one field is one step', () => {
    let s = initialEditor(blankScenario());
    s = editorReducer(s, { type: 'edit', draft: setText(s.draft, ['title'], 'en', 'A'), key: 'title.en' });
    s = editorReducer(s, { type: 'edit', draft: setText(s.draft, ['title'], 'en', 'AB'), key: 'title.en' });
    s = editorReducer(s, { type: 'edit', draft: addStations(s.draft, 'sink').draft });
    expect(s.past.length).toBe(2);
    expect(isDirty(s)).toBe(true);
    s = editorReducer(s, { type: 'undo' });
    expect(stationsOf(s.draft).length).toBe(3);
    s = editorReducer(s, { type: 'undo' });
    expect(s.draft.title).toEqual({ en: 'New scenario', nb: 'Nytt scenario' });
    s = editorReducer(s, { type: 'redo' });
    expect((s.draft.title as { en: string }).en).toBe('AB');
    expect(s.future.length).toBe(1);
  });

  it('keeps broken JSON as typed with where it is broken, and follows it once it parses', () => {
    let s = initialEditor(blankScenario());
    const broken = s.jsonText.replace('"seed": 1,', '"seed": 1');
    s = editorReducer(s, { type: 'jsonText', text: broken });
    expect(s.jsonError).toMatch(/^line \d+, column \d+: expected/);
    expect(s.draft.seed).toBe(1);
    s = editorReducer(s, { type: 'jsonText', text: s.jsonText.replace('"seed": 1', '"seed": 7,') });
    expect(s.jsonError).toBeNull();
    expect(s.draft.seed).toBe(7);
  });

  it('copies a shipped scenario under a new id, titled as a copy in both languages', () => {
    const c = copyOf(shipped('breakdown-drill'), new Set(['breakdown-drill-copy']));
    expect(c.id).toBe('breakdown-drill-copy-2');
    expect(c.title).toEqual({ en: 'Breakdown on the mill (copy)', nb: 'Havari på fresen (kopi)' });
    expect('$schema' in c).toBe(false);
  });
});

describe('errors in place', () => {
  it('puts the file check’s error under the form field it names, in its words', () => {
    const d = shipped('breakdown-drill') as { line: { stations: Record<string, unknown>[] } };
    d.line.stations[4]!.processTime = -5;
    const r = loadScenarioJson(d);
    if (r.ok) throw new Error('should fail');
    const schema = forForm(schemaFor({ kind: 'station', type: 'machine' })!, (k) => k).schema;
    const errs = formErrors(place(r.errors), ['line', 'stations', 4], schema);
    expect((errs.processTime as { __errors?: string[] } | undefined)?.__errors?.[0]).toMatch(/^must be .*; got -5$/);
    expect(r.errors[0]!.path).toBe('line.stations[4].processTime');
  });
});

describe('a student’s copy', () => {
  it('keeps the line and leaves out the hidden faults and what gives them away', () => {
    const c = copyOf(linesOnly(shipped('starved-not-broken')), new Set());
    for (const key of ['faults', 'evidence', 'teacherNote', 'hints', 'objectives', 'scoring']) expect(key in c, key).toBe(false);
    expect(c.title).toEqual({ en: 'The robot has stopped working (copy)', nb: 'Roboten har sluttet å jobbe (kopi)' });
    // The drill's briefing told of its fault ("Twenty-five minutes into the shift the robot stands still"): the copy's says what it is.
    expect(c.briefing).toEqual({
      en: 'The line of the drill “The robot has stopped working”, without the drill\'s fault and what would give it away: change it and try things out.',
      nb: 'Linjen fra øvelsen «Roboten har sluttet å jobbe», uten feilen i øvelsen og det som ville røpe den: endre den og prøv deg fram.',
    });
    expect(c.line).toEqual(shipped('starved-not-broken').line);
    expect(loadScenarioJson(c).ok).toBe(true);
  });

  it('of the tutorial or a reference line is the whole scenario: it hides nothing', () => {
    const c = copyOf(linesOnly(shipped('reference-line5')), new Set());
    expect(c.briefing).toEqual(shipped('reference-line5').briefing);
    expect((c.faults as unknown[]).length).toBe(5);
    expect(linesOnly(shipped('tutorial-line'))).toEqual(shipped('tutorial-line'));
  });

  it('of the breakdown drill keeps its line', () => {
    const c = copyOf(linesOnly(shipped('breakdown-drill')), new Set());
    expect(c.line).toEqual(shipped('breakdown-drill').line);
    expect(loadScenarioJson(c).ok).toBe(true);
  });
});
