/**
 * The scores runs keep are renewed when the assessment's rules change (ASSESSMENT_VERSION,
 * session/rescore.ts, the school server's start). That only works if the number goes up with
 * every change that moves a score, so this test keeps a fingerprint of what the rules give for
 * every drill (the reference response, the wrong one, doing nothing, ending early) and fails
 * when it moves while the number stays.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_VERSION, assess, scoringRules } from '../../src/assessment';
import type { Command } from '../../src/engine';
import { hash64 } from '../../src/engine/core/hash';
import { loadScenarioText } from '../../src/scenario';

const RECORD = 'tests/golden/assessment-rules.json';

function fingerprint(): string {
  const out: unknown[] = [];
  for (const f of readdirSync('tests/solutions').sort()) {
    const id = f.replace(/\.json$/, '');
    const r = loadScenarioText(readFileSync(`scenarios/${id}.json`, 'utf8'));
    if (!r.ok) throw new Error(`${id} does not load`);
    const sol = JSON.parse(readFileSync(`tests/solutions/${f}`, 'utf8')) as { reference: Command[]; wrong: Command[] };
    const rules = scoringRules(r.scenario);
    const end = r.model.durationTicks;
    const runs: [string, readonly Command[], number][] = [
      ['reference', sol.reference, end],
      ['wrong', sol.wrong, end],
      ['idle', [], end],
      ['early', [], Math.min(end, 600)],
    ];
    for (const [what, commands, to] of runs) {
      const a = assess(r.model, r.scenario.seed, commands, to, rules);
      out.push([id, what, a.score, a.passed, a.decidedBy, a.faults.map((x) => [x.detectSeconds, x.diagnoseSeconds, x.restoreSeconds]), a.objectives.map((o) => o.met)]);
    }
  }
  return hash64(JSON.stringify(out));
}

describe('the assessment’s rules have a number', () => {
  it('that goes up whenever what they give for a drill changes', () => {
    const now = fingerprint();
    // After bumping the number: LF_RECORD_RULES=1 npx vitest run tests/unit/assessment-rules.test.ts
    if (process.env.LF_RECORD_RULES === '1') writeFileSync(RECORD, `${JSON.stringify({ rules: ASSESSMENT_VERSION, fingerprint: now }, null, 2)}\n`);
    const kept = JSON.parse(readFileSync(RECORD, 'utf8')) as { rules: number; fingerprint: string };
    expect(kept.rules, `the fingerprint was recorded for rules ${kept.rules}: record it for ${ASSESSMENT_VERSION} (see the comment above)`).toBe(ASSESSMENT_VERSION);
    expect(now, `the assessment gives other scores than rules ${ASSESSMENT_VERSION} did: raise ASSESSMENT_VERSION (src/assessment/version.ts), say why there, and record the fingerprint again`).toBe(kept.fingerprint);
  });
});
