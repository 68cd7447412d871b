/**
 * The debrief as data: JSON (the whole assessment) and CSV (one row per fault, then the
 * penalties, then the command timeline), for a teacher's spreadsheet.
 */
import type { Assessment } from '../assessment';

/** One line of the command timeline as the debrief shows and exports it. */
export interface TimelineRow {
  readonly tick: number;
  readonly command: string;
  readonly accepted: boolean;
  readonly reason: string;
}

const cell = (v: string | number | null | boolean): string => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function debriefCsv(scenario: string, a: Assessment, timeline: readonly TimelineRow[] = []): string {
  const rows: (string | number | null | boolean)[][] = [
    ['scenario', 'score', 'passed', 'goodParts', 'possibleGoodParts', 'scrapParts', 'wrongRepairs', 'unneededChecks', 'safetyBreaches', 'hints'],
    [scenario, a.score, a.passed, a.goodParts, a.possibleGoodParts, a.scrapParts, a.wrongRepairs.length, a.unneededChecks, a.safetyBreaches.length, a.hints],
    [],
    ['fault', 'type', 'station', 'onsetSeconds', 'detectSeconds', 'diagnoseSeconds', 'restoreSeconds', 'resolved', 'wrongRepairs'],
    ...a.faults.map((f) => [f.id, f.type, f.station, f.onsetSeconds, f.detectSeconds, f.diagnoseSeconds, f.restoreSeconds, f.resolved, f.wrongRepairs]),
    [],
    ['penalty', 'points'],
    ...a.penalties.map((p) => [p.reason, Math.round(p.points * 10) / 10]),
    [],
    ['seconds', 'command', 'accepted', 'reason'],
    ...timeline.map((r) => [r.tick / 10, r.command, r.accepted, r.reason]),
  ];
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

