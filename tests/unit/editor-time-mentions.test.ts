/**
 * A fault moved to another time: the texts that still say the old one are found, in the ways the
 * shipped briefings say a time in either language, and rewritten only when the author asks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/editor/draft';
import { retimeMentions, staleTimeMentions, startTime, timeMentionsOf, wholeMinutes } from '../../src/editor/time-mentions';
import { loadScenarioJson } from '../../src/scenario';

const drill = (id: string) => JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')) as Draft;
const briefing = (d: Draft) => d.briefing as { en: string; nb: string };
const where = (d: Draft, seconds: number) => timeMentionsOf(d, seconds).map((m) => `${m.kind} ${m.n}`);

describe('texts that say when a fault comes', () => {
  it('finds the briefing of every shipped drill that says its fault time, in words or digits, in both languages', () => {
    // "Ten minutes" / "Ti minutter", "Twenty-five minutes" / "Tjuefem minutter", "A quarter of an
    // hour" / "Et kvarter", "Half an hour" / "En halvtime", "twenty minutes" mid-sentence.
    for (const [id, at] of [
      ['breakdown-drill', 600],
      ['starved-not-broken', 1500],
      ['noisy-sensor', 900],
      ['dead-gauge', 1800],
      ['stuck-sensor', 1200],
      ['conveyor-jam', 720],
      ['e-stop-assembly', 900],
    ] as const) {
      const d = drill(id);
      expect(startTime((d.faults as Draft[])[0]), id).toBe(at);
      expect(where(d, at), id).toContain('briefing 0');
      // Neither language is left out: each says it on its own.
      for (const lang of ['en', 'nb'] as const) {
        const one = { ...d, briefing: { en: lang === 'en' ? briefing(d).en : '', nb: lang === 'nb' ? briefing(d).nb : '' } };
        expect(where(one, at), `${id} ${lang}`).toContain('briefing 0');
      }
    }
  });

  it('does not find another time, a longer number, or a time of seconds', () => {
    const d = drill('breakdown-drill');
    expect(where(d, 1200)).toEqual([]);
    const t: Draft = { ...d, briefing: { en: 'After 110 min, or 10 s, or a tenth, or often.', nb: 'Etter 110 min eller tien.' }, hints: [], evidence: [], teacherNote: '' };
    expect(where(t, 600)).toEqual([]);
    expect(where(t, 610)).toEqual([]);
    expect(wholeMinutes(610)).toBeNull();
  });

  it('writes the new time the way the old one was said, keeps a capital, and keeps the scenario valid', () => {
    const d = drill('breakdown-drill');
    const moved = retimeMentions(d, 600, 2400);
    expect(briefing(moved).en).toMatch(/^Forty minutes into the shift the mill stops/);
    expect(briefing(moved).nb).toMatch(/^Førti minutter ut i skiftet stopper fresen/);
    expect(where(moved, 600)).toEqual([]);
    expect(where(moved, 2400)).toContain('briefing 0');
    expect(moved.title).toEqual(d.title);
    expect(loadScenarioJson(moved).ok).toBe(true);

    const q = drill('noisy-sensor');
    const later = retimeMentions(q, 900, 1500);
    expect(briefing(later).en).toMatch(/^Twenty-five minutes into the shift/);
    expect(briefing(later).nb).toMatch(/^Tjuefem minutter ut i skiftet/);
    const hour = retimeMentions(q, 900, 3600);
    expect(briefing(hour).en).toMatch(/^An hour into the shift/);
    expect(briefing(hour).nb).toMatch(/^En time ut i skiftet/);

    const digits: Draft = { ...d, briefing: { en: 'At 10 min the mill stops; after 10-minute checks…', nb: 'Etter 10 minutter stopper fresen.' }, hints: ['The fault comes at 1 h.'] };
    const r = retimeMentions(digits, 600, 1800);
    expect(briefing(r)).toEqual({ en: 'At 30 min the mill stops; after 30-minute checks…', nb: 'Etter 30 minutter stopper fresen.' });
    expect(retimeMentions({ ...digits, hints: ['The fault comes at 1 h.'] }, 3600, 7200).hints).toEqual(['The fault comes at 2 h.']);
    expect(retimeMentions({ ...digits, hints: ['The fault comes at 1 h.'] }, 3600, 1500).hints).toEqual(['The fault comes at 25 min.']);
  });

  it('points at them only while no other fault still begins at the old time', () => {
    const d = drill('breakdown-drill');
    const fault = (d.faults as Draft[])[0]!;
    const at = (f: Draft, when: string) => ({ ...f, trigger: { at: when } });
    expect(staleTimeMentions(d, 0, 600)).toEqual([]); // not moved
    expect(staleTimeMentions({ ...d, faults: [at(fault, '40m')] }, 0, 600).map((m) => m.kind)).toContain('briefing');
    // A fault just added starts at 10 min, beside the drill's own: moving it leaves the briefing alone.
    const added = { ...fault, id: 'jam', type: 'conveyorJam', station: 'C1' };
    expect(staleTimeMentions({ ...d, faults: [fault, at(added, '40m')] }, 1, 600)).toEqual([]);
    // Moved while the new one stays at 10 min, the texts may be about either: nothing is pointed out.
    expect(staleTimeMentions({ ...d, faults: [at(fault, '40m'), at(added, '10m')] }, 0, 600)).toEqual([]);
  });

  it('knows a fault set to a time from one set otherwise', () => {
    expect(startTime({ type: 'breakdown', trigger: { at: '10m' } })).toBe(600);
    expect(startTime({ type: 'breakdown', trigger: { at: 90 } })).toBe(90);
    expect(startTime({ type: 'breakdown', trigger: { mtbf: '1h' } })).toBeNull();
    expect(startTime({ type: 'breakdown', trigger: { at: '4' } })).toBeNull();
  });
});
