import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { formatPath, type PathPart, preview, valueAt } from '../../scenario/errors';
import type { ApiError } from '../../session/school-api';

/**
 * A message checked against its schema: the parsed value, or the first problem with its JSON
 * path, in the same plain words the app uses for files.
 */
export function checked<S extends z.ZodType>(schema: S, body: unknown): { ok: true; value: z.output<S> } | { ok: false; error: ApiError } {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) {
    // Valid, but maybe not storable: free text the schema allows may still hold a NUL.
    const nul = nulAt(body, []);
    if (nul === null) return { ok: true, value: parsed.data };
    const at = formatPath(nul);
    return { ok: false, error: { error: `${at === '' ? 'the message' : at}: must not contain the NUL character (\\u0000)`, path: at } };
  }
  const issue = parsed.error.issues[0]!;
  const path = issue.path as PathPart[];
  const at = formatPath(issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path);
  const value = valueAt(body, path);
  const message =
    issue.code === 'unrecognized_keys' ? `unknown key "${issue.keys[0]}"` : value === undefined ? 'is required' : typeof value === 'string' && issue.message.startsWith('must') ? issue.message : `${issue.message}; got ${preview(value)}`;
  return { ok: false, error: { error: at === '' ? message : `${at}: ${message}`, path: at } };
}

/**
 * The path of the first string holding U+0000, or null. PostgreSQL stores no NUL in text or
 * jsonb: any free text of a request (a scenario's briefing, a name) would fail as a server error
 * at the insert instead of a refusal that says where.
 */
function nulAt(v: unknown, path: PathPart[]): PathPart[] | null {
  if (typeof v === 'string') return v.includes('\u0000') ? path : null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = nulAt(v[i], [...path, i]);
      if (p !== null) return p;
    }
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k.includes('\u0000')) return [...path, k];
      const p = nulAt(x, [...path, k]);
      if (p !== null) return p;
    }
  }
  return null;
}

/** A request body checked against its schema: the parsed value, or the reply already sent (400, see checked). */
export function bodyOf<S extends z.ZodType>(schema: S, body: unknown, reply: FastifyReply): z.output<S> | null {
  const c = checked(schema, body);
  if (c.ok) return c.value;
  void reply.code(400).send(c.error);
  return null;
}

/** A positive integer id from the URL, or null (the route answers 404: an id that is not a number names nothing). */
export function idOf(raw: unknown): number | null {
  const n = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
