/**
 * A joined student's runs arriving as they happen: start (the header), batches of numbered
 * events, and the server's own verdict once the run has ended and been re-simulated.
 */
import type { FastifyInstance } from 'fastify';
import { ENGINE_VERSION } from '../../engine';
import { ASSESSMENT_VERSION } from '../../assessment';
import type { z } from 'zod';
import type { ApiError, RunEvent, RunVerdict } from '../../session/school-api';
import { type RunStatus, runEventsRequest, runStartRequest, runStatus } from '../../session/school-api';
import { embeddedScenario } from '../../session/session-file';
import type { StudentIdentity } from '../classes';
import { type ServerContext, refusal, studentOf } from '../http/context';
import { bodyOf, idOf } from '../http/validate';
import { instructionsAfter } from '../instructions';
import { appendEvents, runOf, sessionOf, setVerdict, startRun } from '../runs';

const NO_RUN = 'no such run';
const NOT_YOURS = 'this run is another student’s';

/** What a request gets, whichever way it came (HTTP or the stream, routes/stream.ts). */
export interface Answer {
  readonly status: number;
  readonly body: unknown;
}
const refused = (status: number, error: string): Answer => ({ status, body: { error } satisfies ApiError });

/** A run started (or found again: a start sent twice names the same run). */
export async function startAnswer(ctx: ServerContext, student: StudentIdentity, run: z.output<typeof runStartRequest>): Promise<Answer> {
  const sc = embeddedScenario(run.scenario, run.scenarioHash);
  if (!sc.ok) {
    const first = sc.errors[0]!;
    return { status: 400, body: { error: `${first.path}: ${first.message}`, path: first.path } satisfies ApiError };
  }
  if (run.engine !== ENGINE_VERSION) {
    // The server judges a run by re-simulating it: with another engine it could not.
    const error = `engine: this run was made with engine version ${run.engine}, and this school server re-simulates with version ${ENGINE_VERSION}, so it could not check the run: the app and the server need the same version (update the older one)`;
    return { status: 400, body: { error, path: 'engine' } satisfies ApiError };
  }
  if (!student.classOpen) return refused(403, 'your class is closed: this run stays in your browser');
  const started = await startRun(ctx.db, student.id, { ...run, scenario: sc.scenario });
  return { status: started.expected === 0 ? 201 : 200, body: started };
}

/** A batch of events appended (see runs.ts); a run that this batch ended is verified. */
export async function eventsAnswer(ctx: ServerContext, student: StudentIdentity, runId: number, events: readonly RunEvent[]): Promise<Answer> {
  const { result, finished } = await appendEvents(ctx.db, student.id, runId, events);
  if (result === 'no such run') return refused(404, NO_RUN);
  if (result === 'not yours') return refused(403, NOT_YOURS);
  if (result === 'conflict') return refused(409, 'an event with this number was sent before with other content');
  if (result === 'ended') return refused(409, 'this run has ended: nothing can be added to it');
  if (finished) {
    ctx.live.ended(runId);
    void verifyRun(ctx, runId);
  }
  if (result.gap) return { status: 409, body: { error: `events are missing before this batch: send from number ${result.expected}`, ...result } };
  return { status: 200, body: result };
}

/** Where a live run stands on the student's screen: the server's simulation of it catches up (live.ts). */
export async function statusAnswer(ctx: ServerContext, student: StudentIdentity, runId: number, status: RunStatus): Promise<Answer> {
  const run = await runOf(ctx.db, student.id, runId);
  if (run === 'no such run') return refused(404, NO_RUN);
  if (run === 'not yours') return refused(403, NOT_YOURS);
  // An ended run is the verifier's; a status that crossed its end is simply late.
  if (run.endTick === null) await ctx.live.status(ctx.db, runId, status);
  // What the instructor has sent since the app last carried something out.
  const instructions = run.endTick === null ? await instructionsAfter(ctx.db, runId, status.instructionsSeen ?? 0) : [];
  return { status: 200, body: { instructions } };
}

/** Judged by earlier rules: scored before the assessment changed (a failed verification has no score to renew). */
const JUDGED_BY_OLD_RULES = "verdict->>'status' in ('reproduces', 'diverges', 'otherEngine') and coalesce((verdict->>'rules')::integer, 1) < $1";

/**
 * Re-simulates a finished run in the pool and stores what the server found (the client's score
 * is never asked for). Once per run and rules: a run already judged by today's rules, or being
 * judged, is left alone.
 */
export async function verifyRun(ctx: ServerContext, runId: number): Promise<void> {
  if (ctx.verifying.has(runId)) return;
  ctx.verifying.add(runId);
  try {
    const [run] = await ctx.db.query<{ due: boolean }>(
      `select verdict->>'status' = 'pending' or (${JUDGED_BY_OLD_RULES}) as due from runs where id = $2`,
      [ASSESSMENT_VERSION, runId],
    );
    if (run?.due !== true) return;
    await judge(ctx, runId);
  } catch (e) {
    ctx.log(`run ${runId} could not be verified: ${(e as Error).message}`);
  } finally {
    ctx.verifying.delete(runId);
  }
}

/**
 * At start: every ended run still waiting for its verdict (the server may have stopped before
 * it got to them), then every run judged by earlier rules, so that the class results and a
 * student's status read today's scores. The first go first; the pool takes them in turn.
 */
export async function resumeVerification(ctx: ServerContext): Promise<void> {
  try {
    const waiting = await ctx.db.query<{ id: number }>(
      `select id from runs where end_tick is not null and (verdict->>'status' = 'pending' or (${JUDGED_BY_OLD_RULES})) order by verdict->>'status' = 'pending' desc, id`,
      [ASSESSMENT_VERSION],
    );
    await Promise.all(waiting.map((r) => verifyRun(ctx, r.id)));
  } catch (e) {
    ctx.log(`the runs waiting for a verdict could not be listed: ${(e as Error).message}`);
  }
}

async function judge(ctx: ServerContext, runId: number): Promise<void> {
  const session = await sessionOf(ctx.db, runId);
  if (session === null) return;
  try {
    const { verification, assessment } = await ctx.verifier.verify(session);
    const verdict: RunVerdict =
      verification.kind === 'diverges'
        ? { status: 'diverges', firstDivergentTick: verification.firstDivergentTick, score: assessment.score, passed: assessment.passed, rules: ASSESSMENT_VERSION }
        : { status: verification.kind, score: assessment.score, passed: assessment.passed, rules: ASSESSMENT_VERSION };
    await setVerdict(ctx.db, runId, verdict, assessment);
  } catch (e) {
    ctx.log(`run ${runId} could not be verified: ${(e as Error).message}`);
    await setVerdict(ctx.db, runId, { status: 'failed' }, null);
  }
}

export function runRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/runs', async (request, reply) => {
    const student = await studentOf(ctx, request, reply);
    if (student === null) return reply;
    const body = bodyOf(runStartRequest, request.body, reply);
    if (body === null) return reply;
    const a = await startAnswer(ctx, student, body);
    return reply.code(a.status).send(a.body);
  });

  /** A request about one of the student's runs: who, which run, the body checked; answered as the stream answers it. */
  const toRun = <S extends z.ZodType>(path: string, schema: S, answer: (student: StudentIdentity, runId: number, body: z.output<S>) => Promise<Answer>) =>
    app.post(path, async (request, reply) => {
      const student = await studentOf(ctx, request, reply);
      if (student === null) return reply;
      const runId = idOf((request.params as { id?: unknown }).id);
      if (runId === null) return refusal(reply, 404, NO_RUN);
      const body = bodyOf(schema, request.body, reply);
      if (body === null) return reply;
      const a = await answer(student, runId, body);
      return reply.code(a.status).send(a.body);
    });
  toRun('/api/runs/:id/events', runEventsRequest, (student, runId, body) => eventsAnswer(ctx, student, runId, body.events));
  toRun('/api/runs/:id/status', runStatus, (student, runId, body) => statusAnswer(ctx, student, runId, body));

  app.get('/api/runs/:id', async (request, reply) => {
    const student = await studentOf(ctx, request, reply);
    if (student === null) return reply;
    const runId = idOf((request.params as { id?: unknown }).id);
    const run = runId === null ? 'no such run' : await runOf(ctx.db, student.id, runId);
    if (run === 'no such run') return refusal(reply, 404, NO_RUN);
    if (run === 'not yours') return refusal(reply, 403, NOT_YOURS);
    return { run };
  });
}
