import { describe, expect, it } from 'vitest';
import { classResults, median, type ResultRun, resultsCsv } from '../../src/session/class-results';

const fault = (detect: number | null, diagnose: number | null, restore: number | null) => ({ id: 'f', type: 'breakdown', station: 'M1', onsetSeconds: 600, detectSeconds: detect, diagnoseSeconds: diagnose, restoreSeconds: restore, resolved: restore !== null, wrongRepairs: 0 });

function run(runId: number, studentId: number, name: string, startedAt: string, score: number, passed: boolean, times: [number | null, number | null, number | null], wrong: { station: string; action: string }[] = [], breaches = 0): ResultRun {
  return {
    runId,
    studentId,
    displayName: name,
    startedAt,
    assessment: {
      score,
      passed,
      faults: [fault(...times)],
      wrongRepairs: wrong.map((w, k) => ({ tick: 7000 + k, ...w })),
      safetyBreaches: Array.from({ length: breaches }, (_, k) => ({ tick: 7000 + k, station: 'M1', what: 'this repair without lock-out' })),
      productionLost: 12,
      hints: 1,
    },
  };
}

const set: ResultRun[] = [
  run(1, 1, 'Per', '2026-12-01T09:00:00Z', 45, false, [120, null, null], [{ station: 'M1', action: 'replaceTool' }]),
  run(2, 1, 'Per', '2026-12-01T10:00:00Z', 82, true, [60, 90, 1500]),
  run(3, 1, 'Per', '2026-12-01T11:00:00Z', 70, true, [50, 80, 1400]),
  run(4, 2, 'Ada', '2026-12-01T09:30:00Z', 95, true, [30, 40, 1300], [], 0),
  run(5, 3, 'Bo', '2026-12-01T09:40:00Z', 20, false, [200, null, null], [{ station: 'M1', action: 'replaceTool' }, { station: 'M1', action: 'replaceTool' }, { station: 'L1', action: 'generalRepair' }], 1),
  run(6, 4, 'Cy', '2026-12-01T09:50:00Z', 100, true, [null, null, null]),
];

describe('class results', () => {
  it('median of odd and even counts, none of nothing', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('each student’s best run (passed first, then score) and latest run (by start)', () => {
    const r = classResults(set);
    expect(r.students.map((s) => s.displayName)).toEqual(['Ada', 'Bo', 'Cy', 'Per']);
    const per = r.students.find((s) => s.displayName === 'Per')!;
    expect(per.runs).toBe(3);
    expect(per.best.runId).toBe(2);
    expect(per.latest.runId).toBe(3);
    expect(per.best).toMatchObject({ score: 82, detect: 60, diagnose: 90, restore: 1500, wrongRepairs: 0 });
  });

  it('the class’s spread over best runs: score bins, passes, medians of the times known', () => {
    const r = classResults(set);
    // Best scores: Ada 95, Bo 20, Cy 100, Per 82 (bins of ten; 100 in the last).
    expect(r.scoreBins).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 1, 2]);
    expect(r.passed).toBe(3);
    expect(r.detect).toEqual({ n: 3, median: 60, min: 30, max: 200 });
    expect(r.diagnose).toEqual({ n: 2, median: 65, min: 40, max: 90 });
    expect(r.restore).toEqual({ n: 2, median: 1400, min: 1300, max: 1500 });
  });

  it('the most common wrong repair counts students, not repairs', () => {
    // Bo replaced the tool twice and Per once: two students; Bo's general repair on L1: one.
    expect(classResults(set).commonWrongRepair).toEqual({ action: 'replaceTool', station: 'M1', students: 2 });
    expect(classResults(set.filter((r) => r.studentId === 2)).commonWrongRepair).toBeNull();
  });

  it('as CSV: a header, then best and latest per student, quoted where needed', () => {
    const csv = resultsCsv(classResults([...set, run(7, 5, 'Dahl, "Eli"', '2026-12-01T09:55:00Z', 61.5, false, [75, null, null])]));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('student,runs,which,run,started,score,passed,detect_s,diagnose_s,restore_s,wrong_repairs,safety_breaches,production_lost,hints');
    expect(lines).toHaveLength(1 + 2 * 5);
    expect(lines).toContain('Bo,1,best,5,2026-12-01T09:40:00Z,20,false,200,,,3,1,12,1');
    expect(lines).toContain('"Dahl, ""Eli""",1,latest,7,2026-12-01T09:55:00Z,61.5,false,75,,,0,0,12,1');
  });

  it('the evidence most students never looked at, over all of each student’s runs', () => {
    const items = [
      { station: 'M2', look: 'handheld' },
      { station: 'M2', look: 'lubricationLevel' },
      { station: 'M1', look: 'inspectTool' },
      { station: 'M1', look: 'faceplate' },
    ];
    const withChecks = set.map((r) =>
      r.runId === 1 ? { ...r, looked: [{ station: 'M2', look: 'handheld' }] } : r.runId === 4 ? { ...r, looked: [{ station: 'M2', look: 'handheld' }, { station: 'M1', look: 'inspectTool' }] } : r.runId === 5 ? { ...r, looked: [{ station: 'M1', look: 'handheld' }, { station: 'M1', look: 'faceplate' }] } : r.runId === 6 ? { ...r, looked: [{ station: 'M1', look: 'faceplate' }] } : r,
    );
    // Per looked in his first run only (it counts); Bo measured the wrong machine; nobody checked the lubrication.
    expect(classResults(withChecks, items).evidenceMissed).toEqual([
      { station: 'M2', look: 'lubricationLevel', missed: 4, of: 4 },
      { station: 'M1', look: 'inspectTool', missed: 3, of: 4 },
      { station: 'M2', look: 'handheld', missed: 2, of: 4 },
      { station: 'M1', look: 'faceplate', missed: 2, of: 4 },
    ]);
    expect(classResults(withChecks).evidenceMissed).toEqual([]);
  });
});
