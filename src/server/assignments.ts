/**
 * Scenarios assigned to a class. The scenario is stored as it was assigned, with its content
 * hash: a run counts for an assignment only when it was made on exactly that scenario, and a
 * later edit is a new assignment, never a change under the runs already made.
 */
import type { z } from 'zod';
import { bilingual, type ScenarioFile, scenarioHash } from '../scenario';
import { assignmentStatus, type RunState } from '../session/assignment-status';
import type { AssignmentInfo, AssignmentStatus, ClassAssignment, RunVerdict, StudentAssignment, assignmentRequest } from '../session/school-api';
import type { Sql } from './db/database';

interface AssignmentRow {
  readonly id: number;
  readonly scenario_id: string;
  readonly scenario_hash: string;
  readonly scenario: ScenarioFile;
  readonly opens_at: Date | string | null;
  readonly due_at: Date | string | null;
  readonly hints_allowed: boolean;
  [k: string]: unknown;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

function infoOf(r: AssignmentRow): AssignmentInfo {
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    scenarioHash: r.scenario_hash,
    title: bilingual(r.scenario.title),
    opensAt: iso(r.opens_at),
    dueAt: iso(r.due_at),
    hintsAllowed: r.hints_allowed,
  };
}

const SELECT = 'select id, scenario_id, scenario_hash, scenario, opens_at, due_at, hints_allowed from assignments';

/** Assigns a scenario already checked (routes/assignments.ts) to a class the caller has checked is the instructor's. */
export async function assign(db: Sql, classId: number, scenario: ScenarioFile, a: z.output<typeof assignmentRequest>): Promise<AssignmentInfo> {
  const [row] = await db.query<AssignmentRow>(
    `insert into assignments (class_id, scenario_id, scenario_hash, scenario, opens_at, due_at, hints_allowed) values ($1, $2, $3, $4::text::jsonb, $5, $6, $7)
     returning id, scenario_id, scenario_hash, scenario, opens_at, due_at, hints_allowed`,
    [classId, scenario.id, scenarioHash(scenario), JSON.stringify(scenario), a.opensAt, a.dueAt, a.hintsAllowed],
  );
  return infoOf(row!);
}

/** True when there was such an assignment in this class. Runs made for it stay (they are the students'). */
export async function unassign(db: Sql, classId: number, assignmentId: number): Promise<boolean> {
  return (await db.query('delete from assignments where id = $1 and class_id = $2 returning id', [assignmentId, classId])).length > 0;
}

interface RunRow {
  readonly student_id: number;
  readonly scenario_hash: string;
  readonly end_tick: number | null;
  readonly verdict: RunVerdict;
  readonly hints: number | null;
  [k: string]: unknown;
}

const runState = (r: RunRow): RunState => ({ endTick: r.end_tick, verdict: r.verdict, hints: r.hints });
/** The hints a run asked for, as the server's own assessment counted them. */
const HINTS = "(r.assessment->>'hints')::int as hints";

/** Every assignment of the class, first assigned first, with how many students stand where. */
export async function classAssignments(db: Sql, classId: number): Promise<ClassAssignment[]> {
  const rows = await db.query<AssignmentRow>(`${SELECT} where class_id = $1 order by created_at, id`, [classId]);
  const students = await db.query<{ id: number }>('select id from students where class_id = $1', [classId]);
  const runs = await db.query<RunRow>(
    `select r.student_id, r.scenario_hash, r.end_tick, r.verdict, ${HINTS} from runs r join students s on s.id = r.student_id where s.class_id = $1 and r.scenario_hash in (select scenario_hash from assignments where class_id = $1)`,
    [classId],
  );
  return rows.map((a) => {
    const progress: Record<AssignmentStatus, number> = { notStarted: 0, inProgress: 0, passed: 0, failed: 0 };
    for (const s of students) progress[assignmentStatus(runs.filter((r) => r.student_id === s.id && r.scenario_hash === a.scenario_hash).map(runState), a.hints_allowed)] += 1;
    return { ...infoOf(a), progress };
  });
}

/** What a student has been assigned and has access to now (opened, or with no opening time), with their own status. */
export async function studentAssignments(db: Sql, studentId: number, classId: number, now: Date): Promise<StudentAssignment[]> {
  const rows = await db.query<AssignmentRow>(`${SELECT} where class_id = $1 and (opens_at is null or opens_at <= $2) order by due_at nulls last, created_at, id`, [classId, now]);
  const runs = await db.query<RunRow>(`select r.student_id, r.scenario_hash, r.end_tick, r.verdict, ${HINTS} from runs r where r.student_id = $1`, [studentId]);
  return rows.map((a) => ({
    ...infoOf(a),
    status: assignmentStatus(runs.filter((r) => r.scenario_hash === a.scenario_hash).map(runState), a.hints_allowed),
    scenario: a.scenario as unknown as Record<string, unknown>,
  }));
}
