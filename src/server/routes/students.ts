/** Students: join a class with its code and a display name; who this device is. */
import type { FastifyInstance } from 'fastify';
import { joinRequest } from '../../session/school-api';
import { joinClass } from '../classes';
import { historyOf } from '../history';
import { type ServerContext, refusal, studentOf } from '../http/context';
import { bodyOf } from '../http/validate';

/**
 * Join attempts per address per minute: enough for a whole school joining at the start of a
 * lesson behind one router (every student shares its address), far too few to guess a code
 * (one in 30⁶ ≈ 7·10⁸ per try: years at this rate).
 */
export const JOINS_PER_MINUTE = 600;

export function studentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/join', { config: { rateLimit: { max: JOINS_PER_MINUTE, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = bodyOf(joinRequest, request.body, reply);
    if (body === null) return reply;
    const joined = await joinClass(ctx.db, body.code, body.displayName);
    if (joined === 'unknown code') return refusal(reply, 404, 'no class has this code: check it with your instructor');
    if (joined === 'closed') return refusal(reply, 403, 'this class is closed: ask your instructor to open it');
    return reply.code(201).send({ membership: joined });
  });

  app.get('/api/student/me', async (request, reply) => {
    const student = await studentOf(ctx, request, reply);
    return student === null ? reply : { student };
  });

  /** The device's own runs in the class: its progress over the term. */
  app.get('/api/student/history', async (request, reply) => {
    const student = await studentOf(ctx, request, reply);
    return student === null ? reply : { runs: await historyOf(ctx.db, student.id) };
  });
}
