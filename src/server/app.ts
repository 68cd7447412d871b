/**
 * The school server as a Fastify instance, built from its parts so that tests drive it with
 * `inject` (no port) and `main.ts` listens on one. It serves the built app from the same origin
 * (the sign-in cookie is then same-site) and the API under /api.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { ApiError } from '../session/school-api';
import type { Database } from './db/database';
import type { ServerContext } from './http/context';
import { LiveRuns } from './live';
import { allowStudentsFromAnyOrigin } from './http/cors';
import { assignmentRoutes } from './routes/assignments';
import { instructRoutes } from './routes/instruct';
import { liveRoutes } from './routes/live';
import { classRoutes } from './routes/classes';
import { instructorRoutes } from './routes/instructors';
import { resumeVerification, runRoutes } from './routes/runs';
import { streamRoute } from './routes/stream';
import { studentRoutes } from './routes/students';
import { type Verifier, verifierPool } from './verify-pool';

/** The largest request body: far above any message of this API (a session upload will set its own). */
export const BODY_LIMIT = 1024 * 1024;

export interface ServerOptions {
  readonly db: Database;
  /** The built app to serve (dist/); nothing is served when undefined or missing. */
  readonly appDir?: string | undefined;
  readonly now?: () => Date;
  readonly logger?: boolean;
  /** Re-simulates finished runs; a pool of worker threads is made (and closed with the server) when none is given. */
  readonly verifier?: Verifier;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  // A JSON body with __proto__ or constructor.prototype is refused (400), never merged.
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT, onProtoPoisoning: 'error', onConstructorPoisoning: 'error' });
  const verifier = options.verifier ?? verifierPool();
  if (options.verifier === undefined) app.addHook('onClose', () => verifier.close());
  const ctx: ServerContext = { db: options.db, now: options.now ?? (() => new Date()), verifier, log: (m) => app.log.warn(m), verifying: new Set(), live: new LiveRuns() };

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    const body: ApiError = {
      error: status === 413 ? `the request is too large (at most ${BODY_LIMIT / 1024} kB)` : status === 429 ? 'too many requests: wait a minute and try again' : status < 500 ? `bad request: ${error.message}` : 'the server could not do this; it has been logged',
    };
    if (status >= 500) app.log.error(error);
    return reply.code(status).send(body);
  });

  await app.register(fastifyRateLimit, { global: false });
  // A stream message larger than a request body could be closes the socket (1009).
  await app.register(fastifyWebsocket, { options: { maxPayload: BODY_LIMIT } });
  allowStudentsFromAnyOrigin(app);
  instructorRoutes(app, ctx);
  classRoutes(app, ctx);
  instructRoutes(app, ctx);
  assignmentRoutes(app, ctx);
  liveRoutes(app, ctx);
  studentRoutes(app, ctx);
  runRoutes(app, ctx);
  streamRoute(app, ctx);
  // Runs that ended while the server was down or stopping (killed between the commit of their
  // end and their verdict) are verified now.
  app.addHook('onReady', async () => {
    void resumeVerification(ctx);
  });

  const appDir = options.appDir === undefined ? undefined : resolve(options.appDir);
  if (appDir !== undefined && existsSync(resolve(appDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: appDir, index: 'index.html' });
  }
  // An address of the app itself (/?library, a reload on any path) gets the app; an unknown API route a 404 in words.
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/') && appDir !== undefined && existsSync(resolve(appDir, 'index.html'))) return reply.sendFile('index.html');
    const body: ApiError = { error: `no such address: ${request.method} ${request.url.split('?')[0]}` };
    return reply.code(404).send(body);
  });
  return app;
}
