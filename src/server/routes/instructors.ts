/**
 * Instructors: the first-run set-up, sign-in (rate-limited per address, locked per account after
 * repeated wrong passwords), sign-out, who is signed in, and the password change a one-time
 * password asks for.
 */
import type { FastifyInstance } from 'fastify';
import { changePasswordRequest, setupRequest, signInRequest } from '../../session/school-api';
import { changePassword, instructorCount, SESSION_MS, setUp, signIn, signOut } from '../accounts';
import { type ServerContext, instructorOf, refusal } from '../http/context';
import { clearSignInCookie, setSignInCookie } from '../http/cookies';
import { bodyOf } from '../http/validate';

/** Sign-in attempts per address per minute, whatever the account (the lock-out is per account). */
const SIGN_IN_PER_MINUTE = 10;

export function instructorRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/setup', async () => ({ needed: (await instructorCount(ctx.db)) === 0 }));

  app.post('/api/setup', { config: { rateLimit: { max: SIGN_IN_PER_MINUTE, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = bodyOf(setupRequest, request.body, reply);
    if (body === null) return reply;
    const made = await setUp(ctx.db, body.name, body.password);
    if (made === 'done already') return refusal(reply, 409, 'this server is set up already: sign in, or ask its instructor for an account');
    const signed = await signIn(ctx.db, body.name, body.password, ctx.now());
    if (signed.ok) setSignInCookie(reply, request, signed.token, SESSION_MS / 1000);
    return reply.code(201).send({ instructor: made });
  });

  app.post('/api/sign-in', { config: { rateLimit: { max: SIGN_IN_PER_MINUTE, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = bodyOf(signInRequest, request.body, reply);
    if (body === null) return reply;
    const result = await signIn(ctx.db, body.name, body.password, ctx.now());
    if (!result.ok) {
      if (result.reason === 'locked') {
        const minutes = Math.max(1, Math.ceil(((result.until?.getTime() ?? 0) - ctx.now().getTime()) / 60_000));
        return refusal(reply, 429, `too many wrong passwords: this account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}`);
      }
      return refusal(reply, 401, 'wrong name or password');
    }
    setSignInCookie(reply, request, result.token, SESSION_MS / 1000);
    return { instructor: result.instructor };
  });

  app.post('/api/sign-out', async (request, reply) => {
    const who = await instructorOf(ctx, request, reply);
    if (who === null) return reply;
    await signOut(ctx.db, who.token);
    clearSignInCookie(reply);
    return { signedOut: true };
  });

  app.get('/api/me', async (request, reply) => {
    const who = await instructorOf(ctx, request, reply);
    return who === null ? reply : { instructor: who.instructor };
  });

  app.post('/api/password', async (request, reply) => {
    const who = await instructorOf(ctx, request, reply);
    if (who === null) return reply;
    const body = bodyOf(changePasswordRequest, request.body, reply);
    if (body === null) return reply;
    if ((await changePassword(ctx.db, who.instructor.id, body.current, body.next, who.token)) === 'wrong') return refusal(reply, 403, 'the current password is wrong');
    return { changed: true };
  });
}
