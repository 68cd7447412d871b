/**
 * A fault moved to another station: the texts that still name the old one are found (as a word:
 * M1, not M10 or M1-drive), and renamed in both languages only when the author asks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/editor/draft';
import { mentionsOf, renameMentions, stationMove } from '../../src/editor/mentions';
import { loadScenarioJson } from '../../src/scenario';

const drill = JSON.parse(readFileSync('scenarios/breakdown-drill.json', 'utf8')) as Draft;

describe('texts that name a station', () => {
  it('finds every text of the breakdown drill that names the mill M1, in either language', () => {
    const found = mentionsOf(drill, 'M1').map((m) => `${m.kind} ${m.n}`);
    expect(found).toContain('evidence 1');
    expect(found).not.toContain('evidence 2'); // names B1, L1 and the inspection only
    expect(found).not.toContain('title 0');
    expect(mentionsOf(drill, 'B1').map((m) => `${m.kind} ${m.n}`)).toEqual(['evidence 2']);
  });

  it('matches the id as a word only', () => {
    const d: Draft = { ...drill, briefing: { en: 'M10 and M1-drive and xM1 are not it; (M1) is.', nb: 'M1.' }, hints: ['M12'], evidence: [], teacherNote: 'M1' };
    expect(mentionsOf(d, 'M1').map((m) => m.kind)).toEqual(['briefing', 'teacherNote']);
    const renamed = renameMentions(d, 'M1', 'M2') as { briefing: { en: string; nb: string }; teacherNote: string; hints: string[] };
    expect(renamed.briefing).toEqual({ en: 'M10 and M1-drive and xM1 are not it; (M2) is.', nb: 'M2.' });
    expect(renamed.teacherNote).toBe('M2');
    expect(renamed.hints).toEqual(['M12']);
  });

  it('renames in fault descriptions too, leaves other texts alone, and keeps the scenario valid', () => {
    const moved = { ...drill, faults: [{ ...(drill.faults as Draft[])[0]!, station: 'L1', description: { en: 'M1 drive trips.', nb: 'M1 løser ut.' } }] } as Draft;
    expect(mentionsOf(moved, 'M1').map((m) => m.kind)).toContain('faultDescription');
    const renamed = renameMentions(moved, 'M1', 'L1');
    expect(mentionsOf(renamed, 'M1')).toEqual([]);
    expect(JSON.stringify(renamed.evidence)).toContain('Mill L1 goes to Held');
    expect(renamed.title).toEqual(drill.title);
    expect(loadScenarioJson(renamed).ok).toBe(true);
  });

  it('tells a move of a fault from any other edit', () => {
    expect(stationMove({ station: 'M1', type: 'breakdown' }, { station: 'L1', type: 'breakdown' })).toEqual({ from: 'M1', to: 'L1' });
    expect(stationMove({ station: 'M1' }, { station: 'M1', repair: 'auto' })).toBeNull();
    expect(stationMove({ type: 'powerDip' }, { type: 'powerDip', stations: ['M1'] })).toBeNull();
  });
});
