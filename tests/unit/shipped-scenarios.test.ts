import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, runLog, scoringRules } from '../../src/assessment';
import { type Command, observe, truth } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario';
import { scenarioJsonSchema } from '../../src/scenario/json-schema';
import { findJsonError } from '../../src/scenario/json-syntax';
import { commandLogSchema } from '../../src/session/command-schema';

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

const DRILLS: Record<string, (at: ReturnType<typeof observe>) => void> = {
  // Evidence a student should be able to see before acting, checked at the tick named below.
  'breakdown-drill': (o) => {
    const m1 = o.stations.find((s) => s.id === 'M1')!;
    expect(m1.stateName).toBe('Held');
    expect(m1.stopReason).toBe(258);
    expect(o.alarms.some((a) => a.id === 'M1.stopped' && a.phase === 'unack')).toBe(true);
  },
  'tool-wear-drift': (o) => {
    const l1 = o.stations.find((s) => s.id === 'L1')!;
    const dim = l1.sensors.find((x) => x.kind === 'dimension')!;
    expect(dim.value!).toBeGreaterThan(20.015);
  },
  'stuck-sensor': (o) => {
    const m1 = o.stations.find((s) => s.id === 'M1')!;
    expect(m1.stateName).toBe('Held');
    expect(m1.sensors.find((x) => x.kind === 'temperature')!.value).toBe(91);
  },
};
const EVIDENCE_TICK: Record<string, number> = { 'breakdown-drill': 6500, 'tool-wear-drift': 18000, 'stuck-sensor': 12100 };

describe('fault drills are solvable and tell a good response from a poor one', () => {
  for (const id of Object.keys(DRILLS)) {
    const path = join(__dirname, '../solutions', `${id}.json`);
    it(`${id}: reference solution passes, doing nothing fails, the tempting wrong fix scores lower`, () => {
      expect(existsSync(path)).toBe(true);
      const r = load(`${id}.json`);
      const sol = JSON.parse(readFileSync(path, 'utf8')) as Solutions;
      expect(commandLogSchema.safeParse(sol.reference).success).toBe(true);
      const rules = scoringRules(r.scenario);
      const end = r.model.durationTicks;
      const seed = r.scenario.seed;
      DRILLS[id]!(observe(runLog(r.model, seed, [], EVIDENCE_TICK[id]!)));

      const good = assess(r.model, seed, sol.reference, end, rules);
      const live = runLog(r.model, seed, sol.reference, end);
      expect(live.log.filter((e) => e.kind === 'command' && !e.accepted)).toEqual([]);
      expect(truth(live).faults.every((f) => f.phase === 'resolved')).toBe(true);
      expect(good.passed, JSON.stringify(good.penalties)).toBe(true);
      expect(good.faults.every((f) => f.resolved && f.detectSeconds !== null && f.diagnoseSeconds !== null)).toBe(true);
      expect(good.safetyBreaches).toEqual([]);

      const idle = assess(r.model, seed, [], end, rules);
      expect(idle.passed).toBe(false);
      expect(idle.score).toBeLessThan(good.score - 20);

      const wrong = assess(r.model, seed, sol.wrong, end, rules);
      expect(wrong.score).toBeLessThan(good.score);
      expect(wrong.faults.some((f) => !f.resolved)).toBe(true);
      expect(wrong.wrongRepairs.length).toBeGreaterThan(0);
    });
  }

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
