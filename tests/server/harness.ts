/**
 * A school server for tests: built on an in-memory PGlite (one per test file: starting one
 * takes seconds), emptied between tests, driven with Fastify's inject (no port), with a clock
 * the test moves.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { addInstructor } from '../../src/server/accounts';
import { buildServer } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { openDatabase } from '../../src/server/db/open';

export interface TestServer {
  /** A new app for each test (its rate limits start afresh) on the same database. */
  app: FastifyInstance;
  readonly db: Database;
  readonly clock: { now: Date };
  /** Empties every table (the schema stays), rewinds the clock and builds a new app. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestServer(options: { appDir?: string } = {}): Promise<TestServer> {
  const db = await openDatabase({ url: process.env.LF_TEST_DATABASE_URL || undefined });
  const start = new Date('2026-12-02T08:00:00Z');
  const clock = { now: start };
  const build = () => buildServer({ db, appDir: options.appDir, now: () => clock.now });
  const server: TestServer = {
    app: await build(),
    db,
    clock,
    reset: async () => {
      await db.query('truncate instructor_sessions, students, classes, instructors restart identity cascade');
      clock.now = start;
      await server.app.close();
      server.app = await build();
    },
    close: async () => {
      await server.app.close();
      await db.close();
    },
  };
  return server;
}

/** The sign-in cookie of a response, as a browser would send it back. */
export function cookieFrom(res: LightMyRequestResponse): string {
  const set = res.headers['set-cookie'];
  const first = (Array.isArray(set) ? set[0] : set) ?? '';
  return first.split(';')[0] ?? '';
}

/** An instructor signed in: their cookie. */
export async function instructor(server: TestServer, name: string, password = 'correct horse battery'): Promise<string> {
  await addInstructor(server.db, name, password, false);
  const res = await server.app.inject({ method: 'POST', url: '/api/sign-in', payload: { name, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${name}: ${res.statusCode} ${res.body}`);
  return cookieFrom(res);
}
