/**
 * The messages between the app and a school server (src/server), as zod schemas that both sides
 * use: the browser to build a request, the server to refuse a bad one with the path of what is
 * wrong. Names are short and human: a student gives a display name only, never an e-mail.
 */
import { MAX_RUN_TICKS } from '../scenario/limits';
import { z } from '../scenario/zod';
import { commandSchema, messageText } from './command-schema';
import { id as scenarioId } from '../scenario/schema';
import { sessionSchema } from './session-file';

/** 1–40 characters after trimming, no control characters. */
const displayName = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'must not be empty' })
      .max(40, { error: 'must be at most 40 characters' })
      .regex(/^[^\p{Cc}]*$/u, { error: 'must not contain control characters' }),
  );

export const MIN_PASSWORD_LENGTH = 10;
const password = z.string().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' });
const newPassword = z.string().min(MIN_PASSWORD_LENGTH, { error: `must be at least ${MIN_PASSWORD_LENGTH} characters` }).max(200, { error: 'must be at most 200 characters' });

export const setupRequest = z.strictObject({ name: displayName, password: newPassword });
export const signInRequest = z.strictObject({ name: displayName, password });
export const changePasswordRequest = z.strictObject({ current: password, next: newPassword });
export const createClassRequest = z.strictObject({ name: displayName });
/** A join code as printed (any case, spaces and dashes ignored). */
export const joinRequest = z.strictObject({
  code: z
    .string()
    .max(32, { error: 'is not a join code' })
    .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[A-Z0-9]{6}$/, { error: 'must be the six letters and digits the instructor shows' })),
  displayName,
});

export type SetupRequest = z.input<typeof setupRequest>;
export type SignInRequest = z.input<typeof signInRequest>;
export type JoinRequest = z.input<typeof joinRequest>;

export interface InstructorInfo {
  readonly id: number;
  readonly name: string;
  readonly mustChangePassword: boolean;
}

export interface ClassInfo {
  readonly id: number;
  readonly name: string;
  readonly joinCode: string;
  readonly open: boolean;
  readonly students: number;
}

export interface StudentInfo {
  readonly id: number;
  readonly displayName: string;
  readonly joinedAt: string;
}

/** What a student's browser keeps after joining: the token is shown to no one else. */
export interface Membership {
  readonly studentId: number;
  readonly classId: number;
  readonly className: string;
  readonly displayName: string;
  readonly token: string;
}

/** Every refusal: a sentence, and the JSON path of the field it is about when there is one. */
export interface ApiError {
  readonly error: string;
  readonly path?: string;
}

/**
 * A run streamed to the server as it happens. It starts with its header (the scenario itself,
 * seed and engine: what the server needs to re-simulate it), then sends events numbered from 0
 * without gaps: commands, checkpoints, and at last the end. `clientRunId` is the browser's own id
 * for the run, so a start sent twice (a reconnect) names the same run.
 */
export const runStartRequest = sessionSchema.pick({ engine: true, name: true, scenario: true, scenarioHash: true, seed: true }).extend({
  clientRunId: z.string().regex(/^[\w-]{8,64}$/, { error: 'must be the run id the app made' }),
});

const tick = z.number().int().min(0).max(MAX_RUN_TICKS);
const seq = z.number().int().min(0).max(10_000_000);

export const runEvent = z.discriminatedUnion('kind', [
  z.strictObject({ seq, kind: z.literal('command'), command: commandSchema }),
  z.strictObject({ seq, kind: z.literal('checkpoint'), tick, hash: z.string().regex(/^[0-9a-f]{16}$/, { error: 'must be a 16-digit hexadecimal hash' }) }),
  z.strictObject({ seq, kind: z.literal('end'), tick }),
]);

/** At most this many events in one message (a drained outbox sends several messages). */
export const MAX_EVENTS_PER_BATCH = 500;

export const runEventsRequest = z.strictObject({
  events: z.array(runEvent).min(1, { error: 'must hold at least one event' }).max(MAX_EVENTS_PER_BATCH, { error: `must hold at most ${MAX_EVENTS_PER_BATCH} events` }),
});

export type RunStartRequest = z.input<typeof runStartRequest>;
export type RunEvent = z.output<typeof runEvent>;

/**
 * Where a live run stands on the student's screen, sent every second or so (never stored): the
 * tick it shows, its speed, whether it runs, and how many commands it has given by then. The
 * server simulates the run itself from the commands it has; it goes as far as this tick only
 * once it has all of them (a command still on its way may be at any tick since the last one).
 */
export const runStatus = z.strictObject({
  tick,
  speed: z.number().min(0).max(10_000),
  running: z.boolean(),
  commands: z.number().int().min(0).max(10_000_000),
  /** The last instruction of this run the app has carried out: the answer holds those after it. */
  instructionsSeen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
});
export type RunStatus = z.input<typeof runStatus>;

/**
 * What an instructor sends into a student's live run: a short message (a banner on the
 * student's screen) or the start of one of the scenario's faults. The student's app carries it
 * out as a recorded command, so the run's own log says when it came.
 */
export const instruction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('message'), text: z.string().trim().pipe(messageText) }),
  z.strictObject({ kind: z.literal('injectFault'), fault: scenarioId }),
]);
export type Instruction = z.output<typeof instruction>;
/** An instruction as the student's app receives it, numbered within the server. */
export type NumberedInstruction = Instruction & { readonly id: number };

/** A message to the whole class: it goes to every student who is in a drill now. */
export const classMessage = z.strictObject({ text: z.string().trim().pipe(messageText) });

/** Who a class message reached: those in a drill now, and the names of those who were not. */
export interface ClassMessageResult {
  readonly sent: number;
  readonly notInDrill: readonly string[];
}

/** Where a joined app keeps one WebSocket open to stream its runs (HTTP stays the fallback). */
export const STREAM_PATH = '/api/stream';

const ref = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * A message over the stream: the same requests as over HTTP, each numbered (`ref`) so that its
 * reply can be matched. The first says who is sending (`hello` with the device token: a browser
 * cannot set headers on a WebSocket, and a token in the address would end up in logs).
 */
export const streamRequest = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('hello'), ref, token: z.string().min(1).max(200) }),
  z.strictObject({ op: z.literal('start'), ref, run: runStartRequest }),
  z.strictObject({ op: z.literal('events'), ref, runId: z.number().int().positive(), events: runEventsRequest.shape.events }),
  z.strictObject({ op: z.literal('status'), ref, runId: z.number().int().positive(), status: runStatus }),
]);
export type StreamRequest = z.input<typeof streamRequest>;

/** The reply to one stream message: the status and body the same request gets over HTTP. `ref` is null when the message could not be read. */
export interface StreamReply {
  readonly ref: number | null;
  readonly status: number;
  readonly body: unknown;
}

/**
 * The server's answer to a batch: everything up to `acknowledged` is committed (−1: nothing
 * yet). `expected` is the next number it waits for: after a gap the client resends from there.
 */
export interface RunAck {
  readonly runId: number;
  readonly acknowledged: number;
  readonly expected: number;
  readonly gap: boolean;
}

/** What the server found when it re-simulated a finished run (never what the client said). */
export interface RunVerdict {
  readonly status: 'pending' | 'reproduces' | 'diverges' | 'otherEngine' | 'failed';
  readonly firstDivergentTick?: number;
  readonly score?: number;
  readonly passed?: boolean;
  /** The assessment's rules the score was given by (ASSESSMENT_VERSION; absent: before it existed). */
  readonly rules?: number;
}

/** An instant as the app sends it (ISO 8601 with a zone), or null for none. */
const instant = z.iso.datetime({ offset: true, error: 'must be a date and time such as 2026-12-02T08:15:00Z' }).nullable();

/**
 * A scenario assigned to a class: the scenario file itself (checked by the server with the same
 * schema and paths as the library's file check), when it opens and when it is due (both
 * optional), and whether the drill's hints may be used.
 */
export const assignmentRequest = z
  .strictObject({
    scenario: z.record(z.string(), z.unknown(), { error: 'must be a scenario (a JSON object)' }),
    opensAt: instant.default(null),
    dueAt: instant.default(null),
    hintsAllowed: z.boolean().default(true),
  })
  .refine((a) => a.opensAt === null || a.dueAt === null || Date.parse(a.dueAt) > Date.parse(a.opensAt), { path: ['dueAt'], error: 'must be after the opening time' });

export type AssignmentRequest = z.input<typeof assignmentRequest>;

/** Where a student stands with an assigned scenario, from their runs of exactly that scenario. */
export type AssignmentStatus = 'notStarted' | 'inProgress' | 'passed' | 'failed';

export interface AssignmentInfo {
  readonly id: number;
  readonly scenarioId: string;
  /** The exact scenario assigned: runs count for it only when made on this one. */
  readonly scenarioHash: string;
  /** The scenario's title in English and, when it has one, Norwegian. */
  readonly title: { readonly en: string; readonly nb?: string };
  readonly opensAt: string | null;
  readonly dueAt: string | null;
  readonly hintsAllowed: boolean;
}

/** An assignment as its instructor sees it: how many of the class stand where. */
export interface ClassAssignment extends AssignmentInfo {
  readonly progress: Readonly<Record<AssignmentStatus, number>>;
}

/** An assignment as a student sees it: their own status, and the scenario to run. */
export interface StudentAssignment extends AssignmentInfo {
  readonly status: AssignmentStatus;
  readonly scenario: Record<string, unknown>;
}

/** A live run's state in the instructor's class view, as the server's own simulation of it has it. */
export interface LiveRow {
  readonly studentId: number;
  readonly displayName: string;
  /** Null: the student has no run in this class yet. */
  readonly run: {
    readonly runId: number;
    readonly scenarioId: string;
    readonly title: { readonly en: string; readonly nb?: string };
    readonly state: 'running' | 'paused' | 'finished' | 'quiet';
    /** Simulated seconds the server's simulation has reached. */
    readonly seconds: number;
    readonly speed: number | null;
    /** The station that most needs attention, if any does: its PackML state and stop reason. */
    readonly line: { readonly station: string; readonly name: { readonly en: string; readonly nb?: string }; readonly state: number; readonly stopReason: number } | null;
    readonly unackedAlarms: number;
    /** Seconds from the first fault's start to the student's first action at its station; null: none yet. */
    readonly firstActionSeconds: number | null;
    readonly wrongRepairs: number;
    readonly safetyBreaches: number;
    /** The score of the run so far, as the server assessed it a few seconds ago (null: not yet); the verdict's once ended. */
    readonly score: number | null;
    /** The server's verdict once the run has ended and been re-simulated. */
    readonly verdict: RunVerdict;
  } | null;
}

/** One of a student's runs in the class, for their progress over the term (oldest first). */
export interface HistoryRun {
  readonly runId: number;
  readonly scenarioId: string;
  readonly title: { readonly en: string; readonly nb?: string };
  readonly startedAt: string;
  /** going: not ended yet; checking: ended, being re-simulated; scored: the server's score; notScored: it could not be reproduced. */
  readonly state: 'going' | 'checking' | 'scored' | 'notScored';
  readonly score: number | null;
  readonly passed: boolean | null;
  /** Seconds from the first fault's start to detecting and to restoring it (null: never, or not scored). */
  readonly detect: number | null;
  readonly restore: number | null;
}
