/**
 * A class's results for one drill, from the runs the school server verified (never a score an
 * app sent): per student their best and latest run, and for the class the spread of scores and
 * of the times to detect, diagnose and restore, and the wrong repair most of them reached for.
 * Pure: the server builds it from its rows, the instructor's page shows it and writes it as CSV.
 */
import type { Assessment } from '../assessment';

/** What one verified run contributes (the assessment the server stored with its verdict). */
export interface ResultRun {
  readonly runId: number;
  readonly studentId: number;
  readonly displayName: string;
  /** When the run was started on the server (ISO 8601): orders a student's runs. */
  readonly startedAt: string;
  readonly assessment: Pick<Assessment, 'score' | 'passed' | 'faults' | 'wrongRepairs' | 'safetyBreaches' | 'productionLost' | 'hints'>;
  /** What the student looked at in this run, from its commands: panels opened and checks made (station and kind). */
  readonly looked?: readonly EvidenceItem[];
}

/**
 * Something at a fault's station that shows the fault to whoever looks: its faceplate
 * (`faceplate`), or a check that bears on the fault (a check kind: `handheld`, `inspectTool`…).
 */
export interface EvidenceItem {
  readonly station: string;
  readonly look: string;
}

/** An evidence item and how many of the class never looked at it in any of their runs. */
export interface EvidenceMissed extends EvidenceItem {
  readonly missed: number;
  readonly of: number;
}

export interface RunLine {
  readonly runId: number;
  readonly startedAt: string;
  readonly score: number;
  readonly passed: boolean;
  /** Seconds from the (first) fault's start; null: never. */
  readonly detect: number | null;
  readonly diagnose: number | null;
  readonly restore: number | null;
  readonly wrongRepairs: number;
  readonly safetyBreaches: number;
  readonly productionLost: number;
  readonly hints: number;
}

export interface StudentResult {
  readonly studentId: number;
  readonly displayName: string;
  readonly runs: number;
  readonly best: RunLine;
  readonly latest: RunLine;
}

export interface Spread {
  /** Values known (runs where it happened at all). */
  readonly n: number;
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

export interface ClassResults {
  readonly students: readonly StudentResult[];
  /** Best runs' scores in bins of ten points: [0–9, 10–19, …, 90–100]. */
  readonly scoreBins: readonly number[];
  readonly passed: number;
  /** Over the students' best runs. */
  readonly detect: Spread;
  readonly diagnose: Spread;
  readonly restore: Spread;
  /** The wrong repair made by the most students (each counted once), or null when nobody made one. */
  readonly commonWrongRepair: { readonly action: string; readonly station: string; readonly students: number } | null;
  /** The drill's evidence, the item the most students never looked at first. */
  readonly evidenceMissed: readonly EvidenceMissed[];
}

function lineOf(r: ResultRun): RunLine {
  const a = r.assessment;
  const f = a.faults[0];
  return {
    runId: r.runId,
    startedAt: r.startedAt,
    score: a.score,
    passed: a.passed,
    detect: f?.detectSeconds ?? null,
    diagnose: f?.diagnoseSeconds ?? null,
    restore: f?.restoreSeconds ?? null,
    wrongRepairs: a.wrongRepairs.length,
    safetyBreaches: a.safetyBreaches.length,
    productionLost: a.productionLost,
    hints: a.hints,
  };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function spread(xs: readonly (number | null)[]): Spread {
  const known = xs.filter((x): x is number => x !== null);
  return { n: known.length, median: median(known), min: known.length === 0 ? null : Math.min(...known), max: known.length === 0 ? null : Math.max(...known) };
}

/** Best: passed before not, then the higher score, then the earlier run. */
const better = (a: RunLine, b: RunLine) => (a.passed !== b.passed ? (a.passed ? -1 : 1) : a.score !== b.score ? b.score - a.score : a.startedAt.localeCompare(b.startedAt));

/** Each item with how many students never looked at it in any of their runs, most missed first (then in the drill's order). */
export function evidenceMissed(items: readonly EvidenceItem[], byStudent: ReadonlyMap<number, readonly ResultRun[]>): EvidenceMissed[] {
  const students = [...byStudent.values()];
  return items
    .map((item) => ({ ...item, missed: students.filter((runs) => !runs.some((r) => (r.looked ?? []).some((c) => c.station === item.station && c.look === item.look))).length, of: students.length }))
    .sort((a, b) => b.missed - a.missed);
}

export function classResults(runs: readonly ResultRun[], evidence: readonly EvidenceItem[] = []): ClassResults {
  const byStudent = new Map<number, ResultRun[]>();
  for (const r of runs) byStudent.set(r.studentId, [...(byStudent.get(r.studentId) ?? []), r]);
  const students: StudentResult[] = [];
  const wrong = new Map<string, Set<number>>();
  for (const [studentId, mine] of byStudent) {
    const lines = mine.map(lineOf);
    const latest = [...lines].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.runId - a.runId)[0]!;
    const best = [...lines].sort(better)[0]!;
    students.push({ studentId, displayName: mine[0]!.displayName, runs: mine.length, best, latest });
    for (const r of mine) for (const w of r.assessment.wrongRepairs) {
      const key = `${w.action}\u0000${w.station}`;
      wrong.set(key, (wrong.get(key) ?? new Set()).add(studentId));
    }
  }
  students.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.studentId - b.studentId);
  const scoreBins = Array.from({ length: 10 }, () => 0);
  for (const s of students) scoreBins[Math.min(9, Math.max(0, Math.floor(s.best.score / 10)))]! += 1;
  let commonWrongRepair: ClassResults['commonWrongRepair'] = null;
  // Most students first; a tie goes to the name first in the alphabet, so the answer is stable.
  for (const key of [...wrong.keys()].sort()) {
    const n = wrong.get(key)!.size;
    if (commonWrongRepair === null || n > commonWrongRepair.students) {
      const [action, station] = key.split('\u0000') as [string, string];
      commonWrongRepair = { action, station, students: n };
    }
  }
  const bests = students.map((s) => s.best);
  return {
    students,
    scoreBins,
    passed: bests.filter((b) => b.passed).length,
    detect: spread(bests.map((b) => b.detect)),
    diagnose: spread(bests.map((b) => b.diagnose)),
    restore: spread(bests.map((b) => b.restore)),
    commonWrongRepair,
    evidenceMissed: evidenceMissed(evidence, byStudent),
  };
}

/** A CSV field: quoted when it holds a separator, a quote or a line break (RFC 4180). */
function field(v: string | number | boolean | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = ['student', 'runs', 'which', 'run', 'started', 'score', 'passed', 'detect_s', 'diagnose_s', 'restore_s', 'wrong_repairs', 'safety_breaches', 'production_lost', 'hints'] as const;

/** Every student's best and latest run, one line each, for a spreadsheet (dot decimals, seconds). */
export function resultsCsv(results: ClassResults): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const s of results.students) {
    for (const [which, r] of [['best', s.best], ['latest', s.latest]] as const) {
      lines.push([s.displayName, s.runs, which, r.runId, r.startedAt, r.score, r.passed, r.detect, r.diagnose, r.restore, r.wrongRepairs, r.safetyBreaches, r.productionLost, r.hints].map(field).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
