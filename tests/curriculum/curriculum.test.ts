import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, proveDrill, runLog, scoringRules } from '../../src/assessment';
import { type Command, observe, TICKS_PER_SECOND, truth } from '../../src/engine';
import { loadScenarioText, type ScenarioFile, textOf } from '../../src/scenario';
import { FAULT_TYPES } from '../../src/scenario/schema';
import { commandLogSchema } from '../../src/session/command-schema';
import { type Evidence, missing } from './evidence';

/**
 * Proof that every exercise works (issue 5): for each scenario of the curriculum, headless, a
 * good technician's command log resolves every fault and passes; doing nothing fails; the
 * tempting wrong fix scores lower and fixes nothing; the evidence trail really appears in time.
 */
const DIR = join(__dirname, '../../scenarios');
const LEVELS = ['intro', 'core', 'advanced', 'crisis'] as const;

interface Solutions {
  reference: Command[];
  wrong: Command[];
  evidence: Evidence[];
}

const curriculum = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .map((f) => {
    const r = loadScenarioText(readFileSync(join(DIR, f), 'utf8'));
    if (!r.ok) throw new Error(`${f}: ${JSON.stringify(r.errors)}`);
    return r;
  })
  .filter((r) => (LEVELS as readonly string[]).includes(r.scenario.difficulty ?? ''));

const bilingual = (t: ScenarioFile['title'] | undefined) => typeof t === 'object' && t.en.length > 0 && (t.nb ?? '').length > 0;

describe('the curriculum as a whole', () => {
  it('has at least 14 scenarios over the four levels', () => {
    expect(curriculum.length).toBeGreaterThanOrEqual(14);
    for (const level of LEVELS) expect(curriculum.filter((r) => r.scenario.difficulty === level).length, level).toBeGreaterThanOrEqual(2);
  });

  it('covers every fault of the catalogue, and the starved-not-broken look-alike', () => {
    const types = new Set(curriculum.flatMap((r) => r.model.faults.map((f) => f.type)));
    expect([...FAULT_TYPES].filter((t) => !types.has(t))).toEqual([]);
    expect(curriculum.some((r) => r.scenario.topics?.some((x) => textOf(x) === 'starved and blocked'))).toBe(true);
  });

  it('runs on varied lines: a machining cell with a robot, an assembly merge, a packaging line of conveyors, parallel machines with rework', () => {
    const m = curriculum.map((r) => r.model);
    expect(m.some((x) => x.stations.some((s) => s.type === 'assembly') && x.stations.some((s) => s.type === 'inspection'))).toBe(true);
    expect(m.some((x) => x.stations.filter((s) => s.type === 'conveyor').length >= 3)).toBe(true);
    expect(m.some((x) => x.stations.some((s) => s.type === 'inspection' && s.reworkTo >= 0) && x.stations.some((s) => s.type === 'buffer' && s.outputs.filter((o) => x.stations[o]!.type === 'machine').length >= 2))).toBe(true);
    expect(curriculum.some((r) => r.scenario.topics?.some((x) => textOf(x) === 'machining cell'))).toBe(true);
  });
});

describe('each scenario of the curriculum', () => {
  for (const r of curriculum) {
    const id = r.scenario.id;
    const path = join(__dirname, '../solutions', `${id}.json`);
    describe(id, () => {
      it('has a bilingual title, briefing, objectives, hints, evidence trail and teacher note, faults and a time limit', () => {
        const sc = r.scenario;
        expect(bilingual(sc.title)).toBe(true);
        expect(bilingual(sc.briefing)).toBe(true);
        expect(bilingual(sc.teacherNote)).toBe(true);
        for (const list of [sc.hints, sc.evidence]) {
          expect(list?.length ?? 0).toBeGreaterThanOrEqual(1);
          for (const t of list ?? []) expect(bilingual(t)).toBe(true);
        }
        // Every objective is bilingual and states the rule that judges it.
        expect(sc.objectives?.length ?? 0).toBeGreaterThanOrEqual(1);
        for (const o of sc.objectives ?? []) {
          expect(typeof o === 'object' && 'check' in o, JSON.stringify(o)).toBe(true);
          if (typeof o === 'object' && 'check' in o) expect(bilingual(o.text)).toBe(true);
        }
        expect(sc.hints!.length).toBeGreaterThanOrEqual(2);
        expect(r.model.faults.length).toBeGreaterThanOrEqual(sc.difficulty === 'crisis' ? 2 : 1);
        expect(r.model.durationTicks).toBeGreaterThan(0);
        expect(existsSync(path)).toBe(true);
      });

      it('shows its evidence trail, to a student who does nothing, by the ticks it names', () => {
        const sol = JSON.parse(readFileSync(path, 'utf8')) as Solutions;
        expect(sol.evidence.length).toBeGreaterThanOrEqual(1);
        // In time to act on: by the detection target after the (last) fault begins.
        const onsets = truth(runLog(r.model, r.scenario.seed, [], r.model.durationTicks))
          .faults.map((f) => f.onset)
          .filter((t) => t >= 0);
        const deadline = Math.max(...onsets) + scoringRules(r.scenario).targets.detect * TICKS_PER_SECOND;
        for (const e of sol.evidence) {
          expect(e.by, `${JSON.stringify(e)} comes after the detection target`).toBeLessThanOrEqual(deadline);
          const o = observe(runLog(r.model, r.scenario.seed, [], e.by));
          expect(missing(e, o), JSON.stringify(e)).toBeNull();
        }
      });

      it('judges each objective: the reference response meets it, doing nothing does not', () => {
        const sol = JSON.parse(readFileSync(path, 'utf8')) as Solutions;
        const rules = scoringRules(r.scenario);
        const end = r.model.durationTicks;
        const good = assess(r.model, r.scenario.seed, sol.reference, end, rules);
        const idle = assess(r.model, r.scenario.seed, [], end, rules);
        expect(good.objectives.length).toBe(r.scenario.objectives!.length);
        for (const [k, v] of good.objectives.entries()) {
          expect(v.judged).toBe(true);
          expect(v.met, `objective ${k} (${v.kind}) with the reference: ${v.reason}`).toBe(true);
          expect(idle.objectives[k]!.met, `objective ${k} (${v.kind}) when idle: ${idle.objectives[k]!.reason}`).toBe(false);
          expect(idle.objectives[k]!.reason.length).toBeGreaterThan(0);
        }
      });

      it('is proven by the drill check with its scripted responses: noticeable, doing nothing fails, the reference passes, the tempting wrong fix scores lower', () => {
        const sol = JSON.parse(readFileSync(path, 'utf8')) as Solutions;
        expect(commandLogSchema.safeParse(sol.reference).success).toBe(true);
        expect(commandLogSchema.safeParse(sol.wrong).success).toBe(true);
        const proof = proveDrill(r.scenario, r.model, { reference: sol.reference, wrong: sol.wrong });
        for (const p of proof.proofs) expect(p.ok, `${p.key}: ${p.findings.map((f) => f.text).join('; ')}`).toBe(true);
        const good = proof.reference;
        expect(good.faults.every((f) => f.resolved && f.detectSeconds !== null && f.diagnoseSeconds !== null)).toBe(true);
        expect(proof.idle.score).toBeLessThan(good.score - 20);
        const wrong = proof.wrong!;
        expect(wrong.faults.some((f) => !f.resolved)).toBe(true);
        expect(wrong.wrongRepairs.length).toBeGreaterThan(0);
        // The proof's verdicts are the assessment's own, not a second opinion.
        expect(assess(r.model, r.scenario.seed, sol.reference, r.model.durationTicks, scoringRules(r.scenario)).score).toBe(good.score);
      });

      it('is proven by the drill check the editor runs, with the technician it sends in (no script)', () => {
        const proof = proveDrill(r.scenario, r.model);
        for (const p of proof.proofs) expect(p.ok, `${p.key}: ${p.findings.map((f) => f.text).join('; ')}`).toBe(true);
        expect(proof.responses.generated).toBe(true);
        expect(commandLogSchema.safeParse(proof.responses.reference).success).toBe(true);
        expect(proof.reference.rejectedCommands).toBe(0);
        expect(proof.wrong!.wrongRepairs.length).toBeGreaterThan(0);
      });
    });
  }
});
