import type { FastifyReply, FastifyRequest } from 'fastify';

/** The instructor's sign-in cookie. HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
export const SIGN_IN_COOKIE = 'lf_instructor';

export function cookieOf(request: FastifyRequest, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export function setSignInCookie(reply: FastifyReply, request: FastifyRequest, token: string, maxAgeSeconds: number): void {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  void reply.header('set-cookie', `${SIGN_IN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`);
}

export function clearSignInCookie(reply: FastifyReply): void {
  void reply.header('set-cookie', `${SIGN_IN_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
}
