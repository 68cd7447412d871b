import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, proveDrill, scoringRules } from '../../src/assessment';
import { loadScenarioJson, loadScenarioText, type ScenarioFile } from '../../src/scenario';

/** The drill check (issue 13): the four proofs as findings in words, for any scenario. */
const raw = (id: string) => JSON.parse(readFileSync(join(__dirname, '../../scenarios', `${id}.json`), 'utf8')) as Record<string, unknown>;
function load(json: unknown) {
  const r = loadScenarioJson(json);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}
const keys = (p: ReturnType<typeof proveDrill>) => p.proofs.flatMap((x) => x.findings.filter((f) => f.problem).map((f) => f.key));

describe('the drill check', () => {
  it('proves a shipped drill and names what a student sees of the fault, in words', () => {
    const r = load(raw('breakdown-drill'));
    const p = proveDrill(r.scenario, r.model);
    expect(p.ok).toBe(true);
    expect(p.faults[0]!.seen.map((x) => x.kind)).toEqual(expect.arrayContaining(['alarm', 'state']));
    const shows = p.proofs[0]!.findings[0]!;
    expect(shows.key).toBe('shows');
    expect(shows.text).toMatch(/^The fault on M1 shows \d+ s after it begins: alarm M1\.stopped/);
    expect(p.proofs[1]!.findings[0]!.text).toMatch(/^Doing nothing fails \(\d+(\.\d)?\/100\)$/);
  });

  it('is deterministic, and the technician’s log replays to the verdict it reports', () => {
    const r = load(raw('dead-gauge'));
    const a = proveDrill(r.scenario, r.model);
    const b = proveDrill(r.scenario, r.model);
    expect(b.responses).toEqual(a.responses);
    expect(assess(r.model, r.scenario.seed, a.responses.reference, r.model.durationTicks, scoringRules(r.scenario))).toEqual(a.reference);
    expect(a.responses.reference.some((c) => c.type === 'repair' && c.action === 'replaceSensor' && c.sensor === 'dimension')).toBe(true);
  });

  it('says a fault nobody can notice cannot be noticed', () => {
    const sc = raw('calibration-offset') as { faults: { offset: number }[] };
    sc.faults[0]!.offset = 0.000001;
    const r = load(sc);
    const p = proveDrill(r.scenario, r.model);
    expect(p.proofs[0]!.ok).toBe(false);
    const f = p.proofs[0]!.findings.find((x) => x.problem)!;
    // Chance can still fire an SPC rule later in the run; before the target, nothing shows.
    expect(['notNoticeable', 'showsLate']).toContain(f.key);
    expect(f.text).toMatch(/^The fault on QC (produces no alarm, no state change and no SPC signal before the detection target \(15 min\): a student cannot notice it|first shows .* later than the detection target \(15 min\))$/);
  });

  it('says when a drill has no fault, and that doing nothing passes it', () => {
    const r = loadScenarioText(readFileSync(join(__dirname, '../../scenarios/tutorial-line.json'), 'utf8'));
    if (!r.ok) throw new Error('tutorial');
    const p = proveDrill(r.scenario, r.model);
    expect(p.ok).toBe(false);
    expect(keys(p)).toEqual(expect.arrayContaining(['noFaults', 'idlePasses']));
  });

  it('fails the fourth proof when the tempting fix is one that works, and the file check refuses to say so outright', () => {
    const sc = raw('conveyor-jam') as { faults: Record<string, unknown>[] };
    sc.faults[0]!.resolvedBy = ['clearJam', 'generalRepair'];
    sc.faults[0]!.temptingFix = 'generalRepair';
    const refused = loadScenarioJson(sc);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]!.path).toBe('faults[0].temptingFix');
    delete sc.faults[0]!.temptingFix;
    // Without the field the usual mistake for a jam (a general repair) now fixes it: the drill no longer teaches.
    const r = load(sc);
    const p = proveDrill(r.scenario, r.model);
    expect(p.proofs[3]!.ok).toBe(false);
    expect(keys(p)).toContain('wrongNotTried');
  });

  it('uses the fault’s own tempting fix when it names one', () => {
    const sc = raw('breakdown-drill') as { faults: Record<string, unknown>[] };
    sc.faults[0]!.temptingFix = 'replaceBearing';
    const r = load(sc);
    const p = proveDrill(r.scenario, r.model);
    expect(p.responses.wrong.filter((c) => c.type === 'repair').map((c) => (c.type === 'repair' ? c.action : ''))).toEqual(['replaceBearing']);
    expect(p.proofs[3]!.ok).toBe(true);
    expect(p.proofs[3]!.findings[0]!.text).toMatch(/^The tempting wrong fix \(replaceBearing\) scores lower/);
  });

  it('starts a fault the instructor starts by hand a quarter into the run, so it can be proven too', () => {
    const sc = raw('breakdown-drill') as { faults: Record<string, unknown>[] };
    sc.faults[0]!.trigger = { manual: true };
    const r = load(sc);
    const p = proveDrill(r.scenario as ScenarioFile, r.model);
    expect(p.faults[0]!.onset).toBe(Math.floor(r.model.durationTicks / 4));
    expect(p.responses.reference[0]).toEqual({ type: 'injectFault', tick: Math.floor(r.model.durationTicks / 4), fault: 'mill-drive' });
    expect(p.ok).toBe(true);
  });

  it('says a fault that never begins when nobody acts never begins', () => {
    const sc = raw('breakdown-drill') as { faults: Record<string, unknown>[] };
    sc.faults[0]!.trigger = { afterParts: 100000 };
    const r = load(sc);
    const p = proveDrill(r.scenario, r.model);
    expect(p.proofs[0]!.findings[0]!.key).toBe('neverStarts');
    expect(p.proofs[0]!.findings[0]!.text).toBe('The fault on M1 never begins in a run where nobody acts');
  });
});
