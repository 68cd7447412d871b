import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError, InstructorInfo } from '../../session/school-api';
import { instructorForToken } from '../accounts';
import { type StudentIdentity, studentForToken } from '../classes';
import type { Database } from '../db/database';
import type { LiveRuns } from '../live';
import type { Verifier } from '../verify-pool';
import { cookieOf, SIGN_IN_COOKIE } from './cookies';

/** What every route may use: the database, the clock (tests move it; lock-outs and expiry read it), the verifier. */
export interface ServerContext {
  readonly db: Database;
  readonly now: () => Date;
  readonly verifier: Verifier;
  readonly log: (message: string) => void;
  /** Runs being re-simulated now: one verification per run at a time. */
  readonly verifying: Set<number>;
  /** The server's own simulation of every live run, for the instructor's class view. */
  readonly live: LiveRuns;
}

/** Sends a refusal and returns the reply: what a route handler returns once it has answered (returning anything else makes Fastify try to answer twice). */
export function refusal(reply: FastifyReply, status: number, error: string): FastifyReply {
  const body: ApiError = { error };
  return reply.code(status).send(body);
}

/** Sends a refusal; null, for the helpers whose callers then return the reply. */
export function refuse(reply: FastifyReply, status: number, error: string): null {
  refusal(reply, status, error);
  return null;
}

/** The device token a request carries (Authorization: Bearer …), or ''. */
function bearerOf(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() : '';
}

/**
 * The signed-in instructor and their token, or null with the refusal sent: 403 to a student's
 * device (known, and not allowed here), 401 to anyone else (sign in first).
 */
export async function instructorOf(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply): Promise<{ instructor: InstructorInfo; token: string } | null> {
  const token = cookieOf(request, SIGN_IN_COOKIE);
  const instructor = token === null ? null : await instructorForToken(ctx.db, token, ctx.now());
  if (token !== null && instructor !== null) return { instructor, token };
  const device = bearerOf(request);
  if (device !== '' && (await studentForToken(ctx.db, device)) !== null) return refuse(reply, 403, 'a student’s device cannot use the instructor’s pages');
  return refuse(reply, 401, 'sign in as an instructor first');
}

export const NOT_JOINED = 'this device has not joined a class (or its token was replaced by the instructor)';

/** The student whose device token the request carries (Authorization: Bearer …), or null with 401 sent. */
export async function studentOf(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply): Promise<StudentIdentity | null> {
  const token = bearerOf(request);
  const student = token === '' ? null : await studentForToken(ctx.db, token);
  return student ?? refuse(reply, 401, NOT_JOINED);
}
