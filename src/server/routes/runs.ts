/**
 * A joined student's runs arriving as they happen: start (the header), batches of numbered
 * events, and the server's own verdict once the run has ended and been re-simulated.
 */
import type { FastifyInstance } from 'fastify';
import type { RunVerdict } from '../../session/school-api';
import { runEventsRequest, runStartRequest } from '../../session/school-api';
import { embeddedScenario } from '../../session/session-file';
import { type ServerContext, refuse, studentOf } from '../http/context';
import { bodyOf, idOf } from '../http/validate';
import { appendEvents, runOf, sessionOf, setVerdict, startRun } from '../runs';

const NO_RUN = 'no such run of yours';

/** Re-simulates a finished run in the pool and stores what the server found (the client's score is never asked for). */
export async function verifyRun(ctx: ServerContext, runId: number): Promise<void> {
  const session = await sessionOf(ctx.db, runId);
  if (session === null) return;
  try {
    const { verification, assessment } = await ctx.verifier.verify(session);
    const verdict: RunVerdict =
      verification.kind === 'diverges'
        ? { status: 'diverges', firstDivergentTick: verification.firstDivergentTick, score: assessment.score, passed: assessment.passed }
        : { status: verification.kind, score: assessment.score, passed: assessment.passed };
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
    const sc = embeddedScenario(body.scenario, body.scenarioHash);
    if (!sc.ok) {
      const first = sc.errors[0]!;
      return reply.code(400).send({ error: `${first.path}: ${first.message}`, path: first.path });
    }
    if (!student.classOpen) return refuse(reply, 403, 'your class is closed: this run stays in your browser');
    const started = await startRun(ctx.db, student.id, { ...body, scenario: sc.scenario });
    return reply.code(started.expected === 0 ? 201 : 200).send(started);
  });

  app.post('/api/runs/:id/events', async (request, reply) => {
    const student = await studentOf(ctx, request, reply);
    if (student === null) return reply;
    const runId = idOf((request.params as { id?: unknown }).id);
    if (runId === null) return refuse(reply, 404, NO_RUN);
    const body = bodyOf(runEventsRequest, request.body, reply);
    if (body === null) return reply;
    const { result, finished } = await appendEvents(ctx.db, student.id, runId, body.events);
    if (result === 'no such run') return refuse(reply, 404, NO_RUN);
    if (result === 'conflict') return refuse(reply, 409, 'an event with this number was sent before with other content');
    if (result === 'ended') return refuse(reply, 409, 'this run has ended: nothing can be added to it');
    if (finished) void verifyRun(ctx, runId);
    if (result.gap) return reply.code(409).send({ error: `events are missing before this batch: send from number ${result.expected}`, ...result });
    return result;
  });

  app.get('/api/runs/:id', async (request, reply) => {
    const student = await studentOf(ctx, request, reply);
    if (student === null) return reply;
    const runId = idOf((request.params as { id?: unknown }).id);
    const run = runId === null ? null : await runOf(ctx.db, student.id, runId);
    return run === null ? refuse(reply, 404, NO_RUN) : { run };
  });
}
