import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, scoreSoFar, scoringRules } from '../../src/assessment';
import type { Command } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario';
import { decisionText, penaltyText, verdictText } from '../../src/ui/debrief-text';
import { type TextKey, translate } from '../../src/i18n';
import { namesOf } from '../../src/i18n/names';
import { describeCommand } from '../../src/ui/describe';

function drill(id: string) {
  const r = loadScenarioText(readFileSync(join(__dirname, `../../scenarios/${id}.json`), 'utf8'));
  if (!r.ok) throw new Error(id);
  const sol = JSON.parse(readFileSync(join(__dirname, `../solutions/${id}.json`), 'utf8')) as { reference: Command[] };
  return { ...r, sol, rules: scoringRules(r.scenario) };
}
const later = (cmds: readonly Command[], ticks: number) => cmds.map((c) => ({ ...c, tick: c.tick + ticks }));

describe('objective verdicts say why, in numbers', () => {
  it('"do not replace what is not broken" names a needless repair first, and a student who replaced nothing is told so', () => {
    const d = drill('calibration-offset');
    const en = (k: TextKey, vars?: Record<string, string | number>) => translate('en', k, vars);
    const verdict = (cmds: readonly Command[]) => assess(d.model, d.scenario.seed, cmds, d.model.durationTicks, d.rules).objectives.find((o) => o.kind === 'fixWithoutWrongRepair')!;
    // A new tool for a gauge that reads wrong: the fault stays, and the tool change is what is named.
    const wrong = (JSON.parse(readFileSync(join(__dirname, '../solutions/calibration-offset.json'), 'utf8')) as { wrong: Command[] }).wrong;
    expect(wrong.some((c) => c.type === 'repair' && c.action === 'replaceTool')).toBe(true);
    expect(verdictText(verdict(wrong), en, 'en')).toBe('1 repair that fixed nothing');
    // Nothing replaced, nothing fixed: not "1 fault not fixed" alone, which read as a needless repair.
    expect(verdictText(verdict([]), en, 'en')).toBe('no needless repair, but 1 fault not fixed');
  });

  it('a tool changed after the first scrap misses "before the first part is scrapped", and says how many', () => {
    const d = drill('tool-wear-drift');
    const late = assess(d.model, d.scenario.seed, later(d.sol.reference, 60 * 600), d.model.durationTicks, d.rules);
    const v = late.objectives.find((o) => o.kind === 'fixBeforeScrap')!;
    expect(v.met).toBe(false);
    expect(v.outcome).toBe('notMet');
    expect(v.params.n).toBeGreaterThan(0);
    expect(v.reason).toMatch(/^\d+ extra scrap parts? before the fix at \d\d:\d\d:\d\d$/);
  });

  it('choosing the right repair names the cause then, not when its work is done: no declared diagnosis needed', () => {
    const d = drill('starved-not-broken');
    const onset = d.model.faults.find((f) => f.type === 'breakdown')!;
    const at = onset.trigger.kind === 'at' ? onset.trigger.tick : 0;
    const station = d.model.stations[onset.station]!.id;
    // As a student played it from the screen: acknowledge, stop, lock out, general repair (15 min), restart; no diagnosis declared.
    const t = at + 2 * 600;
    const alarm = d.model.alarms.find((a) => a.condition.kind === 'stopped' && a.station === onset.station)!.id;
    const cmds: Command[] = [
      { type: 'ackAlarm', tick: t, alarm },
      { type: 'packml', tick: t, station, command: 'stop' },
      { type: 'lockOut', tick: t + 100, station },
      { type: 'repair', tick: t + 100, station, action: 'generalRepair' },
      { type: 'removeLockOut', tick: t + 100 + d.model.repairTicks.generalRepair + 10, station },
      { type: 'packml', tick: t + 100 + d.model.repairTicks.generalRepair + 10, station, command: 'reset' },
      { type: 'packml', tick: t + 100 + d.model.repairTicks.generalRepair + 100, station, command: 'start' },
    ];
    const a = assess(d.model, d.scenario.seed, cmds, d.model.durationTicks, d.rules);
    expect(a.faults[0]!.diagnoseSeconds).toBe((t + 100 - at) / 10);
    expect(a.objectives.find((o) => o.kind === 'diagnoseWithin')).toMatchObject({ met: true });
  });

  it('a diagnosis less than a minute over the target is said in seconds, not as "0 min over"', () => {
    const d = drill('breakdown-drill');
    const onset = d.model.faults[0]!.trigger.kind === 'at' ? (d.model.faults[0]!.trigger as { tick: number }).tick : 0;
    const tick = onset + (d.rules.targets.diagnose + 25) * 10;
    const a = assess(d.model, d.scenario.seed, [{ type: 'diagnose', tick, station: 'M1', cause: 'breakdown' }], d.model.durationTicks, d.rules);
    const p = a.penalties.find((x) => x.params.what === 'diagnose')!;
    expect(p).toMatchObject({ key: 'lateSeconds', params: { seconds: 25 } });
    expect(translate('nb', 'penalty.lateSeconds', { fault: 'Havari', what: 'diagnostisert', seconds: 25 })).toBe('Havari: diagnostisert 25 s over målet');
  });

  it('a robot\'s tool check is named as its gripper, in the verdict and in what the student did', () => {
    const d = drill('gripper-misalignment');
    const a = assess(d.model, d.scenario.seed, d.sol.reference, d.model.durationTicks, d.rules);
    const v = a.objectives.find((o) => o.kind === 'checkBeforeFix')!;
    const en = (k: TextKey, vars?: Record<string, string | number>) => translate('en', k, vars);
    const nbT = (k: TextKey, vars?: Record<string, string | number>) => translate('nb', k, vars);
    const check = d.sol.reference.find((c) => c.type === 'check')!;
    // The time is when the inspection was done (its result), not when it was asked for: "What
    // you did" lists the command at its own time, and the two read as one story only so.
    const doneAt = (v.params.at as number) * 10;
    expect(doneAt).toBeGreaterThan(check.tick);
    const clockOf = (tick: number) => new Date(tick * 100).toISOString().slice(11, 19);
    expect(verdictText(v, en, 'en', namesOf(d.scenario, d.model, en, 'en'))).toBe(`Inspect the gripper: done at ${clockOf(doneAt)}, before the fix`);
    expect(verdictText(v, nbT, 'nb', namesOf(d.scenario, d.model, nbT, 'nb'))).toBe(`Inspiser griperen: ferdig kl. ${clockOf(doneAt)}, før rettingen`);
    expect(describeCommand(check, en, namesOf(d.scenario, d.model, en, 'en'))).toBe('Loading robot: Inspect the gripper');
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
    expect(v.reason).toBe(`${v.params.made} made, 200 due: missed by ${v.params.short}`);
  });

  it('a run still going is scored so far without its customer order, which is due at the end of the shift', () => {
    const d = drill('rush-order');
    const early = assess(d.model, d.scenario.seed, d.sol.reference.filter((c) => c.tick <= 1800 * 10), 1800 * 10, d.rules);
    const order = early.penalties.find((p) => p.key === 'orderShort')!;
    expect(order.points).toBeGreaterThan(50);
    const rest = early.penalties.filter((p) => p.key !== 'orderShort').reduce((a, p) => a + p.points, 0);
    expect(scoreSoFar(early)).toBeCloseTo(Math.max(0, 100 - rest), 1);
    expect(scoreSoFar(early)).toBeGreaterThan(early.score + 40);
    // A drill without an order: the score so far is the score.
    const b = drill('breakdown-drill');
    const run = assess(b.model, b.scenario.seed, b.sol.reference, b.model.durationTicks, b.rules);
    expect(scoreSoFar(run)).toBe(run.score);
  });

  it('a run still going is not docked for a fault it has not fixed yet, only for the time it lets pass over the targets', () => {
    const d = drill('conveyor-jam');
    // The jam began at 12:00; at 14:00 the student has stopped and locked out the belt (an
    // instructor read "70 so far" here: the 30 points of a fault not fixed, counted as if ended).
    const at = 14 * 600;
    const working = assess(d.model, d.scenario.seed, d.sol.reference.filter((c) => c.tick <= at), at, d.rules);
    expect(working.penalties.map((p) => p.key)).toContain('notFixed');
    expect(scoreSoFar(working)).toBeGreaterThan(99);
    // Left standing, the fault costs its minutes past the restore target as they pass.
    const idleLong = assess(d.model, d.scenario.seed, [], 12 * 600 + d.rules.targets.restore * 10 + 20 * 600, d.rules);
    const lateRestore = idleLong.penalties.filter((p) => p.key === 'never' && p.params.what === 'restore');
    expect(lateRestore).toHaveLength(1);
    expect(scoreSoFar(idleLong)).toBeLessThan(100 - lateRestore[0]!.points + 0.05);
    expect(scoreSoFar(idleLong)).toBeCloseTo(idleLong.score + 30, 1);
  });

  it('a master part measured at the final inspection, where the tool-wear drill\'s SPC chart is, notices the fault and is no unneeded check', () => {
    const d = drill('tool-wear-drift');
    // The insert starts to wear at 00:15; the student reads the chart and checks the gauge at 00:30.
    const at = 30 * 600;
    const a = assess(d.model, d.scenario.seed, [{ type: 'check', tick: at, station: 'QC', check: 'masterPart' }], at + 6000, d.rules);
    expect(a.faults[0]!.detectSeconds).toBe(15 * 60);
    expect(a.unneededChecks).toBe(0);
    // A look at something that does not bear on the lathe's parts is still no sign of noticing.
    const b = assess(d.model, d.scenario.seed, [{ type: 'check', tick: at, station: 'QC', check: 'handheld', sensor: 'cycleTime' }], at + 6000, d.rules);
    expect(b.faults[0]!.detectSeconds).toBeNull();
    expect(b.unneededChecks).toBe(1);
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

  it('a drill ended before its fault began is not passed, scores nothing, and no objective about it is met: the robot drill ended at 00:21 read "100 points, passed"', () => {
    const d = drill('starved-not-broken');
    const early = assess(d.model, d.scenario.seed, [], 21 * 600, d.rules);
    const en = (k: TextKey, vars?: Record<string, string | number>) => translate('en', k, vars);
    const nb = (k: TextKey, vars?: Record<string, string | number>) => translate('nb', k, vars);
    expect(early.faults).toHaveLength(0);
    // At 100 it was the library's "best score" of a drill not yet played.
    expect(early.score).toBe(0);
    expect(early.penalties.map((p) => [p.key, p.points])).toEqual([['endedBeforeFault', 100]]);
    expect(penaltyText(early.penalties[0]!, en, namesOf(d.scenario, d.model, en, 'en'))).toBe('ended before the fault the drill is about had begun: nothing to judge');
    expect(penaltyText(early.penalties[0]!, nb, namesOf(d.scenario, d.model, nb, 'nb'))).toBe('avsluttet før feilen øvelsen handler om hadde oppstått: ingenting å vurdere');
    // Watched while it runs, the same moment is not an ending: the score so far is untouched.
    expect(scoreSoFar(early)).toBe(100);
    expect(early.passed).toBe(false);
    expect(early.decidedBy).toBe('endedBeforeFault');
    expect(early.objectives.filter((o) => o.judged && o.met)).toEqual([]);
    const leaveAlone = early.objectives.find((o) => o.kind === 'fixWithoutWrongRepair')!;
    expect(leaveAlone.outcome).toBe('noFault');
    expect(decisionText(early, en, 'en')).toBe(
      'Not passed: the drill was ended before a fault it is about had begun, so there was nothing yet to find (run it on to the end of the shift). Objectives met: 0 of 3.',
    );
    expect(decisionText(early, nb, 'nb')).toMatch(/^Ikke bestått: øvelsen ble avsluttet før en feil/);
    // Played to its end, the same drill with nothing done is judged as ever: its fault was left standing.
    expect(assess(d.model, d.scenario.seed, [], d.model.durationTicks, d.rules).decidedBy).toBe('faultLeft');
  });

  it('ending the drill early with the fault still there does not pass, whatever the score', () => {
    const d = drill('breakdown-drill');
    const early = assess(d.model, d.scenario.seed, [], 11 * 600, d.rules);
    expect(early.score).toBeGreaterThanOrEqual(d.rules.passScore);
    expect(early.passed).toBe(false);
    expect(early.decidedBy).toBe('faultLeft');
  });

  it('a reported OEE is held against the engine’s own at that moment: within the tolerance met, further off not, none never', () => {
    const d = drill('oee-dashboard');
    const withReport = (value: number) => d.sol.reference.map((c) => (c.type === 'report' ? { ...c, value } : c));
    const judged = (cmds: readonly Command[]) => assess(d.model, d.scenario.seed, cmds, d.model.durationTicks, d.rules).objectives.find((o) => o.kind === 'reportFigure')!;
    expect(judged(withReport(0.845)).met, 'within 2 points of 83.3 %').toBe(true);
    const off = judged(withReport(0.8));
    expect(off.met).toBe(false);
    expect(off.reason).toBe("reported 80.0 % at 01:20:00, but the line's own figure was 83.3 % (more than 2.0 % apart)");
    expect(verdictText(off, (k, v) => translate('nb', k, v), 'nb')).toBe('rapporterte 80,0 % kl. 01:20:00, men linjens eget tall var 83,3 % (mer enn 2,0 % fra hverandre)');
    const none = judged(d.sol.reference.filter((c) => c.type !== 'report'));
    expect(none.outcome).toBe('never');
    expect(verdictText(none, (k, v) => translate('en', k, v), 'en')).toBe('no figure reported');
    // A figure outside 0–100 % is refused and does not count.
    const refused = judged(withReport(1.5));
    expect(refused.outcome).toBe('never');
  });

  it('PackML commands through OPC UA are credited, and one from the screens is named', () => {
    const d = drill('hmi-down');
    const judged = (cmds: readonly Command[]) => assess(d.model, d.scenario.seed, cmds, d.model.durationTicks, d.rules).objectives.find((o) => o.kind === 'commandsVia')!;
    expect(judged(d.sol.reference).met).toBe(true);
    const fromScreen = d.sol.reference.map((c, k) => (k === 1 && c.type === 'packml' ? { type: c.type, tick: c.tick, station: c.station, command: c.command } : c));
    const v = judged(fromScreen);
    expect(v.met).toBe(false);
    expect(v.reason).toBe('1 PackML command not through opcua');
    expect(verdictText(v, (k, vars) => translate('en', k, vars), 'en')).toBe('1 PackML command was not given through OPC UA');
  });

  it('a wrong parameter set back by hand is said as the setpoint the student set, not as a repair never carried out', () => {
    const d = drill('blackout-restart');
    const repair = d.sol.reference.find((c) => c.type === 'repair' && c.action === 'restoreParameter')!;
    const en = (k: TextKey, vars?: Record<string, string | number>) => translate('en', k, vars);
    const nbT = (k: TextKey, vars?: Record<string, string | number>) => translate('nb', k, vars);
    const verdict = (cmds: readonly Command[]) => assess(d.model, d.scenario.seed, cmds, d.model.durationTicks, d.rules).objectives.find((o) => o.kind === 'fixWith')!;
    // The reference solution's repair task: named as the repair.
    const byRepair = verdict(d.sol.reference);
    expect(byRepair).toMatchObject({ met: true, outcome: 'met' });
    expect(verdictText(byRepair, en, 'en')).toMatch(/^fixed by “Restore approved parameters” at \d\d:\d\d:\d\d$/);
    // The same student setting M2's speed back to 100 % instead (as played: the verdict read
    // 'fixed by "Restore approved parameters"', a repair nobody carried out).
    const bySetpoint = d.sol.reference.map((c): Command => (c === repair ? { type: 'setSpeed', tick: c.tick, station: 'M2', percent: 100 } : c));
    const v = verdict(bySetpoint);
    expect(v).toMatchObject({ met: true, outcome: 'metBySetpoint', params: { percent: 100 } });
    const at = new Date(repair.tick * 100).toISOString().slice(11, 19);
    expect(verdictText(v, en, 'en')).toBe(`fixed at ${at}: speed setpoint back to the approved 100 %`);
    expect(verdictText(v, nbT, 'nb')).toBe(`rettet kl. ${at}: hastighetssettpunktet tilbake til godkjente 100 %`);
    // A setpoint that is not the approved one fixes nothing.
    const half = d.sol.reference.map((c): Command => (c === repair ? { type: 'setSpeed', tick: c.tick, station: 'M2', percent: 90 } : c));
    expect(verdict(half).met).toBe(false);
  });

  it('the decision writes the score in the reader\'s notation: "99,5 poeng" in Norsk', () => {
    const d = drill('wrong-parameter');
    // The approved parameters restored 24 minutes in: a pass that lost part of a point.
    const cmds: Command[] = [{ type: 'repair', tick: 14_800, station: 'CNC2', action: 'restoreParameter' }];
    const a = assess(d.model, d.scenario.seed, cmds, d.model.durationTicks, d.rules);
    expect(Number.isInteger(a.score)).toBe(false);
    const nb = decisionText(a, (k, vars) => translate('nb', k as TextKey, vars), 'nb');
    expect(nb).toMatch(/^Bestått: \d+,\d poeng, grensen er 60,/);
    expect(decisionText(a, (k, vars) => translate('en', k as TextKey, vars), 'en')).toMatch(/^Passed: \d+\.\d points/);
  });
});
