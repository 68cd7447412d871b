/**
 * The instructor reaching into students' runs: a message to one student's run or to the whole
 * class, a fault started in one run (both carried out by the student's app, which records them:
 * instructions.ts), and a run as a session file to replay or follow (live.ts says how far a run
 * still going is known).
 */
import type { FastifyInstance } from 'fastify';
import { type ApiError, classMessage, instruction } from '../../session/school-api';
import type { ServerContext } from '../http/context';
import { refusal } from '../http/context';
import { bodyOf, idOf } from '../http/validate';
import { instructRun, messageClass } from '../instructions';
import { sessionOf } from '../runs';
import { ownClass } from './classes';

const NO_RUN = 'no such run in this class';

export function instructRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/classes/:id/runs/:run/instructions', async (request, reply) => {
    const o = await ownClass(ctx, request, reply);
    if (o === null) return reply;
    const runId = idOf((request.params as { run?: unknown }).run);
    if (runId === null) return refusal(reply, 404, NO_RUN);
    const body = bodyOf(instruction, request.body, reply);
    if (body === null) return reply;
    const r = await instructRun(ctx.db, o.classId, runId, body);
    if (r === 'no such run') return refusal(reply, 404, NO_RUN);
    if (r === 'ended') return refusal(reply, 409, 'this run has ended: nothing reaches it any more');
    if ('unknownFault' in r) {
      const error = `fault: this drill has no fault "${body.kind === 'injectFault' ? body.fault : ''}"; its faults are ${r.unknownFault.join(', ') || 'none'}`;
      return reply.code(400).send({ error, path: 'fault' } satisfies ApiError);
    }
    return reply.code(201).send({ instruction: { id: r.id } });
  });

  app.post('/api/classes/:id/messages', async (request, reply) => {
    const o = await ownClass(ctx, request, reply);
    if (o === null) return reply;
    const body = bodyOf(classMessage, request.body, reply);
    if (body === null) return reply;
    return messageClass(ctx.db, o.classId, body.text, ctx.live.active());
  });

  app.get('/api/classes/:id/runs/:run/session', async (request, reply) => {
    const o = await ownClass(ctx, request, reply);
    if (o === null) return reply;
    const runId = idOf((request.params as { run?: unknown }).run);
    const [run] =
      runId === null ? [] : await ctx.db.query<{ end_tick: number | null; display_name: string }>('select r.end_tick, s.display_name from runs r join students s on s.id = r.student_id where r.id = $1 and s.class_id = $2', [runId, o.classId]);
    if (run === undefined || runId === null) return refusal(reply, 404, NO_RUN);
    // A run still going: as far as the server's own simulation has it (every command up to there is stored).
    const live = run.end_tick === null;
    const position = live ? await ctx.live.position(ctx.db, runId) : undefined;
    const session = position === null ? null : await sessionOf(ctx.db, runId, position);
    if (session === null) return refusal(reply, 404, NO_RUN);
    return { session, student: run.display_name, live, pace: live ? ctx.live.pace(runId) : null };
  });
}
