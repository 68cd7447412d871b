/** A class's results, from the runs the server itself verified (session/class-results.ts shapes them). */
import { bilingual, type ScenarioFile } from '../scenario';
import { RELEVANT_CHECKS } from '../engine';
import { type ClassResults, classResults, type EvidenceItem, type ResultRun } from '../session/class-results';
import type { Sql } from './db/database';

/** Only runs whose re-simulation reproduced them have a score the class can be shown. */
const VERIFIED = "r.end_tick is not null and r.verdict->>'status' = 'reproduces' and r.assessment is not null";

export interface DrillRuns {
  readonly scenarioId: string;
  readonly title: { readonly en: string; readonly nb?: string };
  readonly runs: number;
}

/** The drills the class has verified runs of, most recently run first. */
export async function drillsRun(db: Sql, classId: number): Promise<DrillRuns[]> {
  const rows = await db.query<{ scenario_id: string; scenario: ScenarioFile; runs: number; last: number }>(
    `select distinct on (r.scenario_id) r.scenario_id, r.scenario, count(*) over (partition by r.scenario_id)::integer as runs, max(r.id) over (partition by r.scenario_id)::integer as last
     from runs r join students s on s.id = r.student_id where s.class_id = $1 and ${VERIFIED} order by r.scenario_id, r.id desc`,
    [classId],
  );
  return rows.sort((a, b) => Number(b.last) - Number(a.last)).map((r) => ({ scenarioId: r.scenario_id, title: bilingual(r.scenario.title), runs: r.runs }));
}

/** What shows the drill's faults to whoever looks: each fault station's faceplate, and the checks that bear on its fault there (engine/evidence.ts). */
function evidenceOf(scenario: ScenarioFile): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  for (const f of scenario.faults ?? []) {
    if (f.station === undefined) continue;
    for (const look of ['faceplate', ...RELEVANT_CHECKS[f.type]]) if (!items.some((i) => i.station === f.station && i.look === look)) items.push({ station: f.station, look });
  }
  return items;
}

/** A station's name, and its type: a check is named by it (a robot's tool is its gripper). */
export interface StationName {
  readonly en: string;
  readonly nb?: string;
  readonly type: string;
}

export interface DrillResults {
  readonly results: ClassResults;
  /** The drill's station names (of its latest run's scenario), for the page to name what the results point at. */
  readonly stations: Readonly<Record<string, StationName>>;
}

export async function resultsFor(db: Sql, classId: number, scenarioId: string): Promise<DrillResults> {
  const rows = await db.query<{ id: number; student_id: number; display_name: string; created_at: Date | string; assessment: ResultRun['assessment']; scenario: ScenarioFile }>(
    `select r.id, r.student_id, s.display_name, r.created_at, r.assessment, r.scenario from runs r join students s on s.id = r.student_id
     where s.class_id = $1 and r.scenario_id = $2 and ${VERIFIED} order by r.id`,
    [classId, scenarioId],
  );
  const looked = await db.query<{ run_id: number; station: string; look: string }>(
    `select run_id, body->>'station' as station, coalesce(body->>'check', body->>'panel') as look from run_events
     where run_id = any($1::integer[]) and kind = 'command' and body->>'type' in ('check', 'openPanel')`,
    [rows.map((r) => r.id)],
  );
  const latest = rows.at(-1)?.scenario;
  const runs = rows.map((r) => ({
    runId: r.id,
    studentId: r.student_id,
    displayName: r.display_name,
    startedAt: new Date(r.created_at).toISOString(),
    assessment: r.assessment,
    looked: looked.filter((c) => c.run_id === r.id).map((c) => ({ station: c.station, look: c.look })),
  }));
  return {
    results: classResults(runs, latest === undefined ? [] : evidenceOf(latest)),
    stations: Object.fromEntries((latest?.line.stations ?? []).map((st) => [st.id, { ...bilingual(st.name ?? st.id), type: st.type }])),
  };
}
