/**
 * The instructor's views of a class: live, one row per student from the server's own simulation
 * of their latest run (live.ts); and after the drill, the class's results per drill (results.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../http/context';
import { classLive } from '../live';
import { drillsRun, resultsFor } from '../results';
import { ownClass } from './classes';

export function liveRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/classes/:id/live', async (request, reply) => {
    const o = await ownClass(ctx, request, reply);
    return o === null ? reply : { rows: await classLive(ctx.db, ctx.live, o.classId) };
  });

  app.get('/api/classes/:id/results', async (request, reply) => {
    const o = await ownClass(ctx, request, reply);
    return o === null ? reply : { drills: await drillsRun(ctx.db, o.classId) };
  });

  app.get('/api/classes/:id/results/:scenario', async (request, reply) => {
    const o = await ownClass(ctx, request, reply);
    const scenarioId = String((request.params as { scenario?: unknown }).scenario ?? '');
    return o === null ? reply : { results: await resultsFor(ctx.db, o.classId, scenarioId) };
  });
}
