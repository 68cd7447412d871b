/** The instructor's live class view: one row per student, from the server's own simulation of their latest run (live.ts). */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../http/context';
import { classLive } from '../live';
import { ownClass } from './classes';

export function liveRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/classes/:id/live', async (request, reply) => {
    const o = await ownClass(ctx, request, reply);
    return o === null ? reply : { rows: await classLive(ctx.db, ctx.live, o.classId) };
  });
}
