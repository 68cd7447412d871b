/**
 * The debrief as data: JSON (the whole assessment) and CSV (one row per fault, then the
 * penalties), for a teacher's spreadsheet.
 */
import type { Assessment } from '../assessment';

const cell = (v: string | number | null | boolean): string => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function debriefCsv(scenario: string, a: Assessment): string {
  const rows: (string | number | null | boolean)[][] = [
    ['scenario', 'score', 'passed', 'goodParts', 'possibleGoodParts', 'scrapParts', 'wrongRepairs', 'unneededChecks', 'safetyBreaches', 'hints'],
    [scenario, a.score, a.passed, a.goodParts, a.possibleGoodParts, a.scrapParts, a.wrongRepairs.length, a.unneededChecks, a.safetyBreaches.length, a.hints],
    [],
    ['fault', 'type', 'station', 'onsetSeconds', 'detectSeconds', 'diagnoseSeconds', 'restoreSeconds', 'resolved', 'wrongRepairs'],
    ...a.faults.map((f) => [f.id, f.type, f.station, f.onsetSeconds, f.detectSeconds, f.diagnoseSeconds, f.restoreSeconds, f.resolved, f.wrongRepairs]),
    [],
    ['penalty', 'points'],
    ...a.penalties.map((p) => [p.reason, Math.round(p.points * 10) / 10]),
  ];
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

