/** A student's runs in their class, oldest first: their progress over the term, as the server scored each run. */
import { bilingual, type ScenarioFile } from '../scenario';
import type { HistoryRun, RunVerdict } from '../session/school-api';
import type { Sql } from './db/database';

export async function historyOf(db: Sql, studentId: number): Promise<HistoryRun[]> {
  const rows = await db.query<{
    id: number;
    scenario_id: string;
    title: ScenarioFile['title'];
    created_at: Date | string;
    end_tick: number | null;
    verdict: RunVerdict;
    assessment: { faults?: { detectSeconds: number | null; restoreSeconds: number | null }[] } | null;
  }>("select id, scenario_id, scenario->'title' as title, created_at, end_tick, verdict, assessment from runs where student_id = $1 order by id", [studentId]);
  return rows.map((r) => {
    const scored = r.end_tick !== null && r.verdict.status === 'reproduces' && r.verdict.score !== undefined;
    const fault = scored ? r.assessment?.faults?.[0] : undefined;
    return {
      runId: r.id,
      scenarioId: r.scenario_id,
      title: bilingual(r.title),
      startedAt: new Date(r.created_at).toISOString(),
      state: r.end_tick === null ? 'going' : r.verdict.status === 'pending' ? 'checking' : scored ? 'scored' : 'notScored',
      score: scored ? r.verdict.score! : null,
      passed: scored ? (r.verdict.passed ?? null) : null,
      detect: fault?.detectSeconds ?? null,
      restore: fault?.restoreSeconds ?? null,
    };
  });
}
