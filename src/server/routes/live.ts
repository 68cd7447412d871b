/**
 * The instructor's views of a class: live, one row per student from the server's own simulation
 * of their latest run (live.ts); and after the drill, the class's results per drill (results.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../http/context';
import { classLive } from '../live';
import { drillsRun, resultsFor } from '../results';
import { ownClass } from './classes';

/** How often a watched class's rows are looked at again (a row changes on the screen at most this late). */
export const LIVE_PUSH_MS = 500;

export function liveRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/classes/:id/live', async (request, reply) => {
    const o = await ownClass(ctx, request, reply);
    if (o === null) return reply;
    ctx.live.refreshScores(ctx.db, ctx.verifier, ctx.log);
    return { rows: await classLive(ctx.db, ctx.live, o.classId) };
  });

  // The same rows pushed over a WebSocket when they change: the sign-in cookie goes with the
  // upgrade request (same origin), checked before the socket opens; one look per second per
  // watching page, stopped when it closes.
  app.get(
    '/api/classes/:id/live/stream',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        const o = await ownClass(ctx, request, reply);
        if (o !== null) (request as { liveClassId?: number }).liveClassId = o.classId;
      },
    },
    (socket, request) => {
      const classId = (request as { liveClassId?: number }).liveClassId!;
      let last = '';
      let busy = false;
      const push = async () => {
        if (busy) return;
        busy = true;
        try {
          ctx.live.refreshScores(ctx.db, ctx.verifier, ctx.log);
          const text = JSON.stringify({ rows: await classLive(ctx.db, ctx.live, classId) });
          if (text !== last && socket.readyState === socket.OPEN) socket.send(text);
          last = text;
        } catch (e) {
          ctx.log(`live rows of class ${classId} failed: ${(e as Error).message}`);
        } finally {
          busy = false;
        }
      };
      void push();
      const timer = setInterval(() => void push(), LIVE_PUSH_MS);
      socket.on('close', () => clearInterval(timer));
    },
  );

  app.get('/api/classes/:id/results', async (request, reply) => {
    const o = await ownClass(ctx, request, reply);
    return o === null ? reply : { drills: await drillsRun(ctx.db, o.classId) };
  });

  app.get('/api/classes/:id/results/:scenario', async (request, reply) => {
    const o = await ownClass(ctx, request, reply);
    const scenarioId = String((request.params as { scenario?: unknown }).scenario ?? '');
    return o === null ? reply : await resultsFor(ctx.db, o.classId, scenarioId);
  });
}
