/**
 * A school server for tests: built on an in-memory PGlite (one per test file: starting one
 * takes seconds), emptied between tests, driven with Fastify's inject (no port), with a clock
 * the test moves.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { addInstructor } from '../../src/server/accounts';
import { buildServer } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { openDatabase } from '../../src/server/db/open';
import { type Verifier, verifierPool } from '../../src/server/verify-pool';

export interface TestServer {
  /** A new app for each test (its rate limits start afresh) on the same database. */
  app: FastifyInstance;
  readonly db: Database;
  readonly clock: { now: Date };
  /** Empties every table (the schema stays), rewinds the clock and builds a new app. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export type TestDatabase = 'pglite' | 'postgres';

/** Every database the server's tests run against here: PGlite always, PostgreSQL when installed. */
export function testDatabases(): TestDatabase[] {
  return inject('postgresUrl') === null ? ['pglite'] : ['pglite', 'postgres'];
}

/** A database of its own on the tests' PostgreSQL server (tests/server/global-setup.ts), dropped at the end. */
async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = inject('postgresUrl');
  if (admin === null) throw new Error('no PostgreSQL server for the tests');
  const name = `lf_${randomBytes(6).toString('hex')}`;
  const sql = new pg.Client({ connectionString: admin });
  await sql.connect();
  await sql.query(`create database ${name}`);
  await sql.end();
  return {
    url: admin.replace(/\/postgres$/, `/${name}`),
    drop: async () => {
      const again = new pg.Client({ connectionString: admin });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export async function startTestServer(options: { appDir?: string; database?: TestDatabase } = {}): Promise<TestServer> {
  const pg = options.database === 'postgres' ? await freshPostgres() : null;
  const db = await openDatabase({ url: pg?.url });
  const start = new Date('2026-12-02T08:00:00Z');
  const clock = { now: start };
  // One verification worker for the file (an app per test would start one each).
  const verifier: Verifier = verifierPool(1);
  const build = () => buildServer({ db, appDir: options.appDir, now: () => clock.now, verifier });
  const server: TestServer = {
    app: await build(),
    db,
    clock,
    reset: async () => {
      // Ids go on counting: a verification still running from the last test can never land on a new run.
      await db.query('truncate run_events, runs, instructor_sessions, students, classes, instructors cascade');
      clock.now = start;
      await server.app.close();
      server.app = await build();
    },
    close: async () => {
      await server.app.close();
      await verifier.close();
      await db.close();
      await pg?.drop();
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

/**
 * The test file's server (or its describe block's): started before its tests, emptied before
 * each, closed after them. The object stands for whichever app is current.
 */
export function testServerFor(options: { appDir?: string; database?: TestDatabase } = {}): Omit<TestServer, 'app'> & { readonly app: FastifyInstance } {
  let started: TestServer | null = null;
  beforeAll(async () => {
    started = await startTestServer(options);
  }, 60_000);
  afterAll(() => started?.close());
  beforeEach(() => started?.reset());
  const current = (): TestServer => {
    if (started === null) throw new Error('the test server has not started');
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get db() {
      return current().db;
    },
    get clock() {
      return current().clock;
    },
    reset: () => current().reset(),
    close: () => current().close(),
  };
}

export type Headers = Record<string, string>;

/** A device token as a student's app sends it. */
export const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}` });

/** A request to the test server without a port (Fastify's inject), with a JSON body when given. */
export function injector(server: { readonly app: FastifyInstance }) {
  return (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Headers, payload?: unknown) => server.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}
