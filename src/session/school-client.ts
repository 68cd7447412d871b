/**
 * The app's side of a school server: joining a class, and delivering a run as numbered events.
 * The run's own records in this browser (its journal while it runs, the saved session once it
 * has ended) are the outbox: what the server has acknowledged is a number per run, and
 * delivery resumes from the number the server expects, in order, after any break.
 */
import type { Command } from '../engine';
import type { Checkpoint } from './record';
import { MAX_EVENTS_PER_BATCH, type Membership, type RunAck, type RunEvent, type RunStartRequest, type RunStatus, type StudentAssignment, type HistoryRun, instruction, type NumberedInstruction } from './school-api';

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** A refusal in the server's words, or a server that could not be reached (status null). */
export class SchoolError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** How long one request may take before the server counts as unreachable for now. */
export const TIMEOUT_MS = 10_000;

/** The address as a student types it: `school.local:8080` → `http://school.local:8080`. */
export function serverBase(address: string): string {
  const a = address.trim().replace(/\/+$/, '');
  return /^https?:\/\//i.test(a) ? a : `http://${a}`;
}

async function call<T>(fetchFn: Fetch, base: string, path: string, init: { method: string; token?: string; body?: unknown }): Promise<{ status: number; body: T }> {
  let res: Response;
  try {
    res = await fetchFn(`${base}${path}`, {
      method: init.method,
      headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new SchoolError(`cannot reach the school server at ${base}`, null);
  }
  return answered<T>(res.status, await res.json().catch(() => ({})));
}

/** An answer as the app reads it, whichever way it came: a refusal throws (409 is read by the caller: a gap says where to resume). */
export function answered<T>(status: number, body: unknown): { status: number; body: T } {
  const b = (body ?? {}) as T & { error?: string };
  if (status >= 400 && status !== 409) throw new SchoolError(b.error ?? `the school server answered ${status}`, status);
  return { status, body: b };
}

export async function joinClass(fetchFn: Fetch, address: string, code: string, displayName: string): Promise<{ base: string; membership: Membership }> {
  const base = serverBase(address);
  const { body } = await call<{ membership: Membership }>(fetchFn, base, '/api/join', { method: 'POST', body: { code, displayName } });
  return { base, membership: body.membership };
}

/** A device put back in its class with the token the instructor made for it (school-admin.ts rejoinLink). */
export async function rejoin(fetchFn: Fetch, base: string, token: string): Promise<Membership> {
  const { body } = await call<{ student: { id: number; classId: number; className: string; displayName: string } }>(fetchFn, base, '/api/student/me', { method: 'GET', token });
  const s = body.student;
  return { studentId: s.id, classId: s.classId, className: s.className, displayName: s.displayName, token };
}

/** What this device has been assigned and has access to now, with its own status (the server's). */
export async function assignedTo(fetchFn: Fetch, base: string, token: string): Promise<StudentAssignment[]> {
  const { body } = await call<{ assignments: StudentAssignment[] }>(fetchFn, base, '/api/assignments', { method: 'GET', token });
  return body.assignments;
}

/** This device's own runs in the class, oldest first, as the server scored them. */
export async function historyOf(fetchFn: Fetch, base: string, token: string): Promise<HistoryRun[]> {
  const { body } = await call<{ runs: HistoryRun[] }>(fetchFn, base, '/api/student/history', { method: 'GET', token });
  return body.runs;
}

/**
 * A run's events in the order they are sent: its commands and periodic checkpoints by tick (a
 * checkpoint before a command of the same tick: it was taken on arriving there), then, once the
 * run has ended, its final checkpoint and the end. As the run grows, the list only grows at its
 * end, so a number once sent always names the same event.
 */
export function runEvents(commands: readonly Command[], periodic: readonly Checkpoint[], end: Checkpoint | null): RunEvent[] {
  const out: RunEvent[] = [];
  let c = 0;
  let p = 0;
  while (c < commands.length || p < periodic.length) {
    const takeCheckpoint = p < periodic.length && (c >= commands.length || periodic[p]!.tick <= commands[c]!.tick);
    if (takeCheckpoint) out.push({ seq: out.length, kind: 'checkpoint', tick: periodic[p]!.tick, hash: periodic[p++]!.hash });
    else out.push({ seq: out.length, kind: 'command', command: commands[c++]! } as RunEvent);
  }
  if (end !== null) {
    out.push({ seq: out.length, kind: 'checkpoint', tick: end.tick, hash: end.hash });
    out.push({ seq: out.length, kind: 'end', tick: end.tick });
  }
  return out;
}

/**
 * The two requests that deliver a run, however they travel: over HTTP (httpLink) or over the
 * stream's WebSocket with HTTP as its fallback (school-stream.ts). Both throw SchoolError as
 * call() does.
 */
export interface RunLink {
  start(header: RunStartRequest): Promise<{ runId: number; expected: number }>;
  events(runId: number, batch: readonly RunEvent[]): Promise<{ status: number; body: RunAck & { error?: string } }>;
  /** Where the live run stands on screen (for the instructor's live view; nothing is stored); answered with what the instructor has sent since. */
  status(runId: number, status: RunStatus): Promise<NumberedInstruction[]>;
}

export function httpLink(fetchFn: Fetch, base: string, token: string): RunLink {
  return {
    start: async (header) => (await call<{ runId: number; expected: number }>(fetchFn, base, '/api/runs', { method: 'POST', token, body: header })).body,
    events: (runId, batch) => call<RunAck & { error?: string }>(fetchFn, base, `/api/runs/${runId}/events`, { method: 'POST', token, body: { events: batch } }),
    status: async (runId, status) => instructionsOf((await call<unknown>(fetchFn, base, `/api/runs/${runId}/status`, { method: 'POST', token, body: status })).body),
  };
}

/** The instructions in a status answer, each checked: one the app cannot read is left out, never carried out half. */
export function instructionsOf(body: unknown): NumberedInstruction[] {
  const list = (body as { instructions?: unknown } | null)?.instructions;
  if (!Array.isArray(list)) return [];
  return list.flatMap((x: unknown) => {
    if (typeof x !== 'object' || x === null) return [];
    const { id, ...what } = x as { id?: unknown };
    const parsed = instruction.safeParse(what);
    return parsed.success && typeof id === 'number' && Number.isSafeInteger(id) ? [{ ...parsed.data, id }] : [];
  });
}

/** How far a run has reached the server. */
export interface Delivery {
  readonly serverRunId: number | null;
  /** The next event number the server waits for. */
  readonly expected: number;
}

/**
 * Sends what the server has not acknowledged yet, in batches, in order. Starts the run on the
 * server first if needed (a start sent twice names the same run). After a gap the server says
 * where to resume, and delivery resumes there. Returns how far it got; throws SchoolError
 * when the server cannot be reached or refuses (the caller tries again later).
 */
export async function deliver(link: RunLink, header: RunStartRequest, events: readonly RunEvent[], from: Delivery): Promise<Delivery> {
  let runId = from.serverRunId;
  let expected = from.expected;
  if (runId === null) {
    const started = await link.start(header);
    runId = started.runId;
    expected = started.expected;
  }
  for (let guard = 0; expected < events.length && guard < 10_000; guard++) {
    const batch = events.slice(expected, expected + MAX_EVENTS_PER_BATCH);
    const { status, body } = await link.events(runId, batch);
    if (status === 409 && !body.gap) throw new SchoolError(body.error ?? 'the server refused this run’s events', 409);
    if (body.expected <= expected && !body.gap) throw new SchoolError('the school server acknowledged nothing', status);
    expected = body.expected;
  }
  return { serverRunId: runId, expected };
}
