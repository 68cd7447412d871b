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
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const path = issue.path as PathPart[];
  const at = formatPath(issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path);
  const value = valueAt(body, path);
  const message =
    issue.code === 'unrecognized_keys' ? `unknown key "${issue.keys[0]}"` : value === undefined ? 'is required' : typeof value === 'string' && issue.message.startsWith('must') ? issue.message : `${issue.message}; got ${preview(value)}`;
  return { ok: false, error: { error: at === '' ? message : `${at}: ${message}`, path: at } };
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
