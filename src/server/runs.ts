/**
 * Runs streamed by students: the header once, then events appended in order, each its own row.
 * A batch is committed whole or not at all; an event sent again (a resend after a lost answer)
 * is recognised by its number and content and not stored twice; an event after a gap is not
 * stored, and the answer says which number the server waits for.
 */
import { type Command, ENGINE_VERSION } from '../engine';
import type { RunAck, RunEvent, RunVerdict } from '../session/school-api';
import type { Checkpoint } from '../session/record';
import { SESSION_FORMAT, type SessionFile } from '../session/session-file';
import type { ScenarioFile } from '../scenario';
import { type Database, isUniqueViolation, type Sql } from './db/database';

export interface RunHeader {
  readonly clientRunId: string;
  readonly scenario: ScenarioFile;
  readonly scenarioHash: string;
  readonly seed: number;
  readonly engine: number;
  readonly name?: string | undefined;
}

/** The run this student started under this client id: made now, or the one made before (a start sent twice). */
export async function startRun(db: Sql, studentId: number, h: RunHeader): Promise<{ runId: number; expected: number }> {
  const header = { seed: h.seed, engine: h.engine, ...(h.name === undefined ? {} : { name: h.name }) };
  const existing = async () => (await db.query<{ id: number; next_seq: number }>('select id, next_seq from runs where student_id = $1 and client_run_id = $2', [studentId, h.clientRunId]))[0];
  const before = await existing();
  if (before !== undefined) return { runId: before.id, expected: before.next_seq };
  try {
    const [row] = await db.query<{ id: number }>(
      'insert into runs (student_id, client_run_id, scenario_id, scenario_hash, scenario, header) values ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb) returning id',
      [studentId, h.clientRunId, h.scenario.id, h.scenarioHash, JSON.stringify(h.scenario), JSON.stringify(header)],
    );
    return { runId: row!.id, expected: 0 };
  } catch (e) {
    // The same start arrived twice at once: the other one made it.
    if (!isUniqueViolation(e)) throw e;
    const made = await existing();
    return { runId: made!.id, expected: made!.next_seq };
  }
}

function rowOf(e: RunEvent): { tick: number; body: unknown } {
  switch (e.kind) {
    case 'command':
      return { tick: e.command.tick, body: e.command };
    case 'checkpoint':
      return { tick: e.tick, body: { hash: e.hash } };
    case 'end':
      return { tick: e.tick, body: {} };
  }
}

/** Canonical JSON (keys sorted), so that a resent event compares equal to the stored one whatever order its keys came in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export type AppendResult = RunAck | 'no such run' | 'not yours' | 'conflict' | 'ended';

/** Why a run is not this student's: it does not exist, or it is another student's (told apart: 404 and 403). */
async function notTheirs(db: Sql, runId: number): Promise<'no such run' | 'not yours'> {
  const [other] = await db.query<{ id: number }>('select id from runs where id = $1', [runId]);
  return other === undefined ? 'no such run' : 'not yours';
}

/** A batch's rows, in the column arrays the insert unnests. */
interface Rows {
  readonly seq: number[];
  readonly kind: string[];
  readonly tick: number[];
  readonly body: string[];
}

/**
 * The usual batch (the next numbers in order, the run not ended) in one statement: the run's
 * counter moves on only if it stood at the batch's first number, and the rows go in only if it
 * did, atomically (the row lock orders two batches of one run). Null when the batch is anything
 * else (a resend, a gap, an ended run, not this student's run): the careful path decides.
 */
async function appendInOrder(db: Database, studentId: number, runId: number, sorted: readonly RunEvent[]): Promise<{ result: AppendResult; finished: boolean } | null> {
  const first = sorted[0]?.seq;
  if (first === undefined || sorted.some((e, i) => e.seq !== first + i) || sorted.slice(0, -1).some((e) => e.kind === 'end')) return null;
  const rows: Rows = { seq: [], kind: [], tick: [], body: [] };
  for (const e of sorted) {
    const { tick, body } = rowOf(e);
    rows.seq.push(e.seq);
    rows.kind.push(e.kind);
    rows.tick.push(tick);
    rows.body.push(JSON.stringify(body));
  }
  const last = sorted.at(-1)!;
  const endTick = last.kind === 'end' ? last.tick : null;
  const next = first + sorted.length;
  const inserted = await db.query<{ seq: number }>(
    `with moved as (
       update runs set next_seq = $8, end_tick = $9::integer where id = $1 and student_id = $2 and next_seq = $3 and end_tick is null returning id
     )
     insert into run_events (run_id, seq, kind, tick, body)
     select $1, e.seq, e.kind, e.tick, e.body::jsonb from unnest($4::integer[], $5::text[], $6::integer[], $7::text[]) as e (seq, kind, tick, body)
     where exists (select 1 from moved)
     returning seq`,
    [runId, studentId, first, rows.seq, rows.kind, rows.tick, rows.body, next, endTick],
  );
  if (inserted.length === 0) return null;
  return { result: { runId, acknowledged: next - 1, expected: next, gap: false }, finished: endTick !== null };
}

/**
 * Appends a batch, whole or not at all. The answer is sent only after the commit: what it
 * acknowledges is on disk. `finished` is true when the run has ended (by this batch, or by an
 * end sent again because its answer was lost).
 */
export async function appendEvents(db: Database, studentId: number, runId: number, events: readonly RunEvent[]): Promise<{ result: AppendResult; finished: boolean }> {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const quick = await appendInOrder(db, studentId, runId, sorted);
  if (quick !== null) return quick;
  return db.transaction(async (tx) => {
    const [run] = await tx.query<{ next_seq: number; end_tick: number | null }>('select next_seq, end_tick from runs where id = $1 and student_id = $2 for update', [runId, studentId]);
    if (run === undefined) return { result: await notTheirs(tx, runId), finished: false };
    let next = run.next_seq;
    let gap = false;
    let endTick: number | null = null;
    const fresh: Rows = { seq: [], kind: [], tick: [], body: [] };
    for (const e of sorted) {
      const { tick, body } = rowOf(e);
      if (e.seq < next) {
        const [stored] = await tx.query<{ kind: string; tick: number; body: unknown }>('select kind, tick, body from run_events where run_id = $1 and seq = $2', [runId, e.seq]);
        if (stored === undefined || stored.kind !== e.kind || stored.tick !== tick || canonical(stored.body) !== canonical(body)) return { result: 'conflict', finished: false };
        continue;
      }
      if (e.seq > next) {
        gap = true;
        break;
      }
      if (run.end_tick !== null || endTick !== null) return { result: 'ended', finished: false };
      fresh.seq.push(e.seq);
      fresh.kind.push(e.kind);
      fresh.tick.push(tick);
      fresh.body.push(JSON.stringify(body));
      next += 1;
      if (e.kind === 'end') endTick = tick;
    }
    // The new events in one statement: a batch costs the same few round trips however long it is.
    if (fresh.seq.length > 0) {
      await tx.query(
        'insert into run_events (run_id, seq, kind, tick, body) select $1, e.seq, e.kind, e.tick, e.body::jsonb from unnest($2::integer[], $3::text[], $4::integer[], $5::text[]) as e (seq, kind, tick, body)',
        [runId, fresh.seq, fresh.kind, fresh.tick, fresh.body],
      );
    }
    await tx.query('update runs set next_seq = $2, end_tick = coalesce($3, end_tick) where id = $1', [runId, next, endTick]);
    // A resent end (its answer was lost) counts as ending: the caller makes sure the run gets its verdict.
    return { result: { runId, acknowledged: next - 1, expected: next, gap }, finished: endTick !== null || run.end_tick !== null };
  });
}

/**
 * A run as a session file, rebuilt from its rows: a finished run whole (for the server's own
 * re-simulation, and to replay it); a run still going as far as the server's own simulation of
 * it has come (`soFar`: its tick and the state's hash there, the session's final checkpoint),
 * for an instructor following it. Null when there is no such run, or it is still going and
 * `soFar` is not given.
 */
export async function sessionOf(db: Sql, runId: number, soFar?: Checkpoint): Promise<SessionFile | null> {
  const [run] = await db.query<{ scenario: ScenarioFile; scenario_hash: string; header: { seed: number; engine: number; name?: string }; end_tick: number | null }>(
    'select scenario, scenario_hash, header, end_tick from runs where id = $1',
    [runId],
  );
  if (run === undefined || (run.end_tick === null && soFar === undefined)) return null;
  const all = await db.query<{ kind: string; tick: number; body: Record<string, unknown> }>("select kind, tick, body from run_events where run_id = $1 and kind <> 'end' order by seq", [runId]);
  const endTick = run.end_tick ?? soFar!.tick;
  const events = run.end_tick === null ? all.filter((e) => e.tick <= endTick) : all;
  const final = run.end_tick === null ? [soFar!] : [];
  return {
    format: SESSION_FORMAT,
    engine: run.header.engine ?? ENGINE_VERSION,
    ...(run.header.name === undefined ? {} : { name: run.header.name }),
    scenario: run.scenario,
    scenarioHash: run.scenario_hash,
    seed: run.header.seed,
    endTick,
    commands: events.filter((e) => e.kind === 'command').map((e) => e.body as unknown as Command),
    checkpoints: [...events.filter((e) => e.kind === 'checkpoint').map((e) => ({ tick: e.tick, hash: String(e.body.hash) })), ...final],
  };
}

/** Only an ended run gets a verdict. */
export async function setVerdict(db: Sql, runId: number, verdict: RunVerdict, assessment: unknown): Promise<void> {
  await db.query('update runs set verdict = $2::text::jsonb, assessment = $3::text::jsonb where id = $1 and end_tick is not null', [runId, JSON.stringify(verdict), assessment === null ? null : JSON.stringify(assessment)]);
}

export interface RunSummary {
  readonly id: number;
  readonly clientRunId: string;
  readonly scenarioId: string;
  readonly events: number;
  readonly endTick: number | null;
  readonly verdict: RunVerdict;
}

export async function runOf(db: Sql, studentId: number, runId: number): Promise<RunSummary | 'no such run' | 'not yours'> {
  const [r] = await db.query<{ id: number; client_run_id: string; scenario_id: string; next_seq: number; end_tick: number | null; verdict: RunVerdict }>(
    'select id, client_run_id, scenario_id, next_seq, end_tick, verdict from runs where id = $1 and student_id = $2',
    [runId, studentId],
  );
  return r === undefined ? await notTheirs(db, runId) : { id: r.id, clientRunId: r.client_run_id, scenarioId: r.scenario_id, events: r.next_seq, endTick: r.end_tick, verdict: r.verdict };
}
