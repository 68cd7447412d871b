import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, scoringRules } from '../../src/assessment';
import type { Command } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario';
import { verdictText } from '../../src/ui/debrief-text';
import { translate } from '../../src/ui/i18n';

function drill(id: string) {
  const r = loadScenarioText(readFileSync(join(__dirname, `../../scenarios/${id}.json`), 'utf8'));
  if (!r.ok) throw new Error(id);
  const sol = JSON.parse(readFileSync(join(__dirname, `../solutions/${id}.json`), 'utf8')) as { reference: Command[] };
  return { ...r, sol, rules: scoringRules(r.scenario) };
}
const later = (cmds: readonly Command[], ticks: number) => cmds.map((c) => ({ ...c, tick: c.tick + ticks }));

describe('objective verdicts say why, in numbers', () => {
  it('a tool changed after the first scrap misses "before the first part is scrapped", and says how many', () => {
    const d = drill('tool-wear-drift');
    const late = assess(d.model, d.scenario.seed, later(d.sol.reference, 60 * 600), d.model.durationTicks, d.rules);
    const v = late.objectives.find((o) => o.kind === 'fixBeforeScrap')!;
    expect(v.met).toBe(false);
    expect(v.outcome).toBe('notMet');
    expect(v.params.n).toBeGreaterThan(0);
    expect(v.reason).toMatch(/^\d+ extra scrap part\(s\) before the fix at \d\d:\d\d:\d\d$/);
  });

  it('an acknowledgement after the limit is "late", with the time it took and the limit', () => {
    const d = drill('breakdown-drill');
    const slow = assess(d.model, d.scenario.seed, later(d.sol.reference, 8 * 600), d.model.durationTicks, d.rules);
    const v = slow.objectives[0]!;
    expect(v).toMatchObject({ kind: 'acknowledgeWithin', met: false, outcome: 'late', params: { limit: 300 } });
    expect(v.params.after).toBeGreaterThan(300);
  });

  it('a customer order states how many were made and by how many it was missed', () => {
    const d = drill('rush-order');
    const idle = assess(d.model, d.scenario.seed, [], d.model.durationTicks, d.rules);
    const v = idle.objectives.find((o) => o.kind === 'orderMet')!;
    expect(v.params.due).toBe(200);
    expect(v.params.short).toBe(200 - (v.params.made as number));
    expect(v.reason).toBe(`${v.params.made} good parts made, 200 due: missed by ${v.params.short}`);
  });

  it('a drill ended before its fault happened says so for every objective about the fault, in both languages', () => {
    const d = drill('breakdown-drill');
    const before = assess(d.model, d.scenario.seed, [], 60, d.rules);
    const aboutFault = before.objectives.filter((o) => o.judged && o.kind !== 'orderMet');
    expect(aboutFault.length).toBeGreaterThan(0);
    for (const v of aboutFault) {
      expect(v).toMatchObject({ met: false, outcome: 'noFault', reason: 'the fault did not happen in this run' });
      expect(verdictText(v, (k, vars) => translate('en', k, vars), 'en')).toBe('the fault had not happened when the drill ended');
      expect(verdictText(v, (k, vars) => translate('nb', k, vars), 'nb')).toBe('feilen hadde ikke skjedd da øvelsen ble avsluttet');
    }
  });

  it('ending the drill early with the fault still there does not pass, whatever the score', () => {
    const d = drill('breakdown-drill');
    const early = assess(d.model, d.scenario.seed, [], 11 * 600, d.rules);
    expect(early.score).toBeGreaterThanOrEqual(d.rules.passScore);
    expect(early.passed).toBe(false);
    expect(early.decidedBy).toBe('faultLeft');
  });
});
