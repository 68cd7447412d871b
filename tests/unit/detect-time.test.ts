import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, scoringRules } from '../../src/assessment';
import type { Command } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario';

function drill(id: string) {
  const r = loadScenarioText(readFileSync(join(__dirname, `../../scenarios/${id}.json`), 'utf8'));
  if (!r.ok) throw new Error(id);
  const sol = JSON.parse(readFileSync(join(__dirname, `../solutions/${id}.json`), 'utf8')) as { reference: Command[] };
  return { ...r, sol, rules: scoringRules(r.scenario) };
}

describe('when a fault counts as detected', () => {
  const d = drill('tool-wear-drift');
  const detect = (cmds: readonly Command[]) => assess(d.model, d.scenario.seed, cmds, d.model.durationTicks, d.rules).faults.find((f) => f.id === 'insert-wear')!.detectSeconds;
  // The insert starts wearing at 15 min; the reference's first look is a master part at 30 min.
  const early = (check: 'handheld' | 'masterPart'): Command =>
    check === 'handheld' ? { type: 'check', tick: 16 * 600, station: 'L1', check, sensor: 'temperature' } : { type: 'check', tick: 16 * 600, station: 'L1', check };

  it('is the reference solution’s first look at the lathe', () => {
    expect(detect(d.sol.reference)).toBe(15 * 60);
  });

  it('a check of the wrong kind at the right machine finds nothing about the fault, and does not count', () => {
    const log = [early('handheld'), ...d.sol.reference];
    // The reading was taken (the command was accepted and done) ...
    const run = assess(d.model, d.scenario.seed, log, d.model.durationTicks, d.rules);
    expect(run.rejectedCommands).toBe(0);
    // ... but a temperature reading says nothing of a worn insert.
    expect(detect(log)).toBe(15 * 60);
  });

  it('a check that bears on the fault counts when it was asked for', () => {
    expect(detect([early('masterPart'), ...d.sol.reference])).toBe(60);
  });
});
