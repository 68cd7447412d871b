/**
 * What an instructor sends into students' live runs (a message, a fault started), kept until
 * each student's app has taken it: the app reports, with every status, the last instruction it
 * carried out, and the answer holds the ones after it. Only a run that has not ended takes one.
 */
import type { ClassMessageResult, Instruction, NumberedInstruction } from '../session/school-api';
import type { ScenarioFile } from '../scenario';
import type { Sql } from './db/database';

export type InstructResult = { readonly id: number } | 'no such run' | 'ended' | { readonly unknownFault: readonly string[] };

/** An instruction for one run of a student of this class (checked here: the caller has checked the class is the instructor's). */
export async function instructRun(db: Sql, classId: number, runId: number, what: Instruction): Promise<InstructResult> {
  const [run] = await db.query<{ end_tick: number | null; scenario: ScenarioFile }>(
    'select r.end_tick, r.scenario from runs r join students s on s.id = r.student_id where r.id = $1 and s.class_id = $2',
    [runId, classId],
  );
  if (run === undefined) return 'no such run';
  if (run.end_tick !== null) return 'ended';
  if (what.kind === 'injectFault') {
    const faults = (run.scenario.faults ?? []).map((f) => f.id);
    if (!faults.includes(what.fault)) return { unknownFault: faults };
  }
  const [row] = await db.query<{ id: number }>('insert into instructions (run_id, body) values ($1, $2::text::jsonb) returning id', [runId, JSON.stringify(what)]);
  return { id: row!.id };
}

/** A message to every student of the class whose latest run has not ended (with a status in the last `since`). */
export async function messageClass(db: Sql, classId: number, text: string, liveRuns: ReadonlySet<number>): Promise<ClassMessageResult> {
  const latest = await db.query<{ display_name: string; run_id: number | null }>(
    `select s.display_name, r.id as run_id from students s
     left join lateral (select id from runs where student_id = s.id and end_tick is null order by id desc limit 1) r on true
     where s.class_id = $1 order by s.display_name, s.id`,
    [classId],
  );
  const reached = latest.filter((r) => r.run_id !== null && liveRuns.has(r.run_id));
  const body = JSON.stringify({ kind: 'message', text } satisfies Instruction);
  if (reached.length > 0) await db.query('insert into instructions (run_id, body) select r, $2::text::jsonb from unnest($1::integer[]) as r', [reached.map((r) => r.run_id), body]);
  return { sent: reached.length, notInDrill: latest.filter((r) => !reached.includes(r)).map((r) => r.display_name) };
}

/** The instructions for this run after the one its app has carried out, oldest first. */
export async function instructionsAfter(db: Sql, runId: number, seen: number): Promise<NumberedInstruction[]> {
  const rows = await db.query<{ id: number; body: Instruction }>('select id, body from instructions where run_id = $1 and id > $2 order by id', [runId, seen]);
  return rows.map((r) => ({ ...r.body, id: r.id }));
}
