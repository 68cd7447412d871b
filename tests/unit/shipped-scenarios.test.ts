import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, runLog, scoringRules } from '../../src/assessment';
import type { Command } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario';
import { scenarioJsonSchema } from '../../src/scenario/json-schema';
import { findJsonError } from '../../src/scenario/json-syntax';

const DIR = join(__dirname, '../../scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');

function load(file: string) {
  const r = loadScenarioText(readFileSync(join(DIR, file), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.errors)}`);
  return r;
}

describe('shipped scenarios', () => {
  it('include a tutorial, the reference line and one each for a breakdown, tool wear and a stuck sensor', () => {
    const ids = files.map((f) => load(f).scenario.id);
    expect(ids).toEqual(expect.arrayContaining(['tutorial-line', 'reference-line5', 'breakdown-drill', 'tool-wear-drift', 'stuck-sensor']));
  });

  for (const file of files) {
    it(`${file} is valid JSON, valid against the schema, and named after its id`, () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      expect(findJsonError(text)).toBeNull();
      expect(`${load(file).scenario.id}.json`).toBe(file);
    });
  }

  it('name each topic in words, the same in every drill: the library filter lists one entry per topic in each language', () => {
    const nbOf = new Map<string, Set<string>>();
    for (const file of files) {
      const sc = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { topics?: (string | { en: string; nb?: string })[] };
      for (const topic of sc.topics ?? []) {
        const [en, nb] = typeof topic === 'string' ? [topic, topic] : [topic.en, topic.nb ?? topic.en];
        // An id such as "parallel-rework" or "machining-cell" showed in the English filter.
        expect(en, file).not.toMatch(/^(parallel-rework|machining-cell|packaging-conveyors|assembly-merge|starved-blocked)$/);
        nbOf.set(en, (nbOf.get(en) ?? new Set()).add(nb));
      }
    }
    expect([...nbOf].filter(([, nb]) => nb.size > 1).map(([en, nb]) => `${en}: ${[...nb].join(' | ')}`)).toEqual([]);
  });

  it("an alarm message names its station as the station's name reads, never by its id", () => {
    // The blackout drill's flood read "WASH: drive not ready" beside the Washer's own stopped alarm.
    const wrong: string[] = [];
    for (const file of files) {
      const sc = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as {
        line: { stations: { id: string; name?: Record<string, string> }[] };
        alarms?: { rules?: { station: string; message?: Record<string, string> }[] };
      };
      for (const rule of sc.alarms?.rules ?? []) {
        const name = sc.line.stations.find((st) => st.id === rule.station)?.name;
        for (const [lang, text] of Object.entries(rule.message ?? {})) {
          const prefix = /^([^:]+):/.exec(text)?.[1];
          const named = name?.[lang] ?? name?.en ?? rule.station;
          if (prefix !== undefined && !named.includes(prefix)) wrong.push(`${file} ${lang}: "${text}" (station named "${named}")`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("no text a student reads names a station by its id where the station's name does not (a drill's evidence read \"Scrap rises at QC\")", () => {
    const wrong: string[] = [];
    // Every { en, nb } text of the file outside the line itself: briefing, objectives, evidence, hints, faults, alarms.
    const texts = function* (o: unknown, path: string): Generator<[string, string, string]> {
      if (Array.isArray(o)) for (const [k, v] of o.entries()) yield* texts(v, `${path}[${k}]`);
      else if (o !== null && typeof o === 'object') for (const [k, v] of Object.entries(o)) yield* typeof v === 'string' && (k === 'en' || k === 'nb') ? [[path, k, v] as [string, string, string]] : texts(v, `${path}.${k}`);
    };
    for (const file of files) {
      const { line, ...rest } = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { line: { stations: { id: string; name?: Record<string, string> }[] } };
      for (const [path, lang, text] of texts(rest, '')) {
        for (const st of line.stations) {
          const named = st.name?.[lang] ?? st.name?.en ?? st.id;
          if (new RegExp(`(?<![\\w-])${st.id}(?![\\w-])`).test(text) && !named.includes(st.id)) wrong.push(`${file}${path}.${lang}: "${st.id}" in "${text}"`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('scenarios/scenario.schema.json is up to date (npm run schema rewrites it)', () => {
    expect(readFileSync(join(DIR, 'scenario.schema.json'), 'utf8')).toBe(scenarioJsonSchema());
  });

  it('the tutorial line has no faults and produces steadily', () => {
    const r = load('tutorial-line.json');
    expect(r.model.faults).toEqual([]);
    const s = runLog(r.model, r.scenario.seed, [], r.model.durationTicks);
    expect(s.line.good).toBeGreaterThan(500);
    expect(s.log.filter((e) => e.kind === 'alarm')).toEqual([]);
  });
});

interface Solutions {
  reference: Command[];
  wrong: Command[];
}

describe('assessment of the breakdown drill', () => {
  it('the assessment is the same when computed twice (live and on replay)', () => {
    const r = load('breakdown-drill.json');
    const sol = JSON.parse(readFileSync(join(__dirname, '../solutions/breakdown-drill.json'), 'utf8')) as Solutions;
    const a = assess(r.model, r.scenario.seed, sol.reference, r.model.durationTicks, scoringRules(r.scenario));
    const b = assess(r.model, r.scenario.seed, sol.reference, r.model.durationTicks, scoringRules(r.scenario));
    expect(b).toEqual(a);
  });

  it('repairing without lock-out fails the run whatever the score', () => {
    const r = load('breakdown-drill.json');
    const unsafe: Command[] = [
      { type: 'packml', tick: 6700, station: 'M1', command: 'stop' },
      { type: 'repair', tick: 6800, station: 'M1', action: 'generalRepair' },
      { type: 'packml', tick: 18950, station: 'M1', command: 'reset' },
      { type: 'packml', tick: 19000, station: 'M1', command: 'start' },
    ];
    const a = assess(r.model, r.scenario.seed, unsafe, r.model.durationTicks, scoringRules(r.scenario));
    expect(a.faults[0]!.resolved).toBe(true);
    expect(a.safetyBreaches.length).toBe(1);
    expect(a.passed).toBe(false);
  });
});
