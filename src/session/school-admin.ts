/**
 * The instructor's side of the school server, from the app it serves (same origin: the sign-in
 * cookie goes with every request by itself, and no other site can send it). Every call throws
 * SchoolError in the server's words, or with status null when the server cannot be reached.
 */
import type { AssignmentInfo, AssignmentRequest, ClassAssignment, ClassInfo, ClassMessageResult, HistoryRun, Instruction, InstructorInfo, LiveRow, Membership, StudentInfo } from './school-api';
import { loadSessionValue, type SessionFile } from './session-file';
import type { ClassResults } from './class-results';
import { answered, SchoolError } from './school-client';

async function api<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  } catch {
    throw new SchoolError('cannot reach the school server', null);
  }
  const type = res.headers.get('content-type') ?? '';
  // A plain web server (no school server behind the app) answers the app's own page, or 404.
  if (!type.includes('application/json')) throw new SchoolError('this address has no school server', 404);
  const { status, body: b } = answered<T & { error?: string }>(res.status, await res.json().catch(() => ({})));
  if (status === 409) throw new SchoolError(b.error ?? 'the school server refused this', 409);
  return b;
}

/** Whether this server has no instructor yet (its first-run page is open), or no school server answers here (null). */
export async function setupNeeded(): Promise<boolean | null> {
  try {
    return (await api<{ needed: boolean }>('GET', '/api/setup')).needed;
  } catch {
    return null;
  }
}

export const setUp = async (name: string, password: string) => (await api<{ instructor: InstructorInfo }>('POST', '/api/setup', { name, password })).instructor;
export const signIn = async (name: string, password: string) => (await api<{ instructor: InstructorInfo }>('POST', '/api/sign-in', { name, password })).instructor;
export const signOut = () => api<unknown>('POST', '/api/sign-out');
export const changePassword = (current: string, next: string) => api<unknown>('POST', '/api/password', { current, next });

/** The signed-in instructor, or null when nobody is signed in here. */
export async function whoAmI(): Promise<InstructorInfo | null> {
  try {
    return (await api<{ instructor: InstructorInfo }>('GET', '/api/me')).instructor;
  } catch (e) {
    if (e instanceof SchoolError && e.status === 401) return null;
    throw e;
  }
}

export const listClasses = async () => (await api<{ classes: ClassInfo[] }>('GET', '/api/classes')).classes;
export const createClass = async (name: string) => (await api<{ class: ClassInfo }>('POST', '/api/classes', { name })).class;
export const setClassOpen = async (id: number, open: boolean) => (await api<{ class: ClassInfo }>('POST', `/api/classes/${id}/${open ? 'open' : 'close'}`)).class;
export const newJoinCode = async (id: number) => (await api<{ class: ClassInfo }>('POST', `/api/classes/${id}/join-code`)).class;
export const listStudents = async (id: number) => (await api<{ students: StudentInfo[] }>('GET', `/api/classes/${id}/students`)).students;
/** Where the class's live rows are pushed (same origin: the sign-in cookie goes with the upgrade). */
export const liveStreamUrl = (origin: string, classId: number) => `${origin.replace(/^http/i, 'ws')}/api/classes/${classId}/live/stream`;
export const classLive = async (classId: number) => (await api<{ rows: LiveRow[] }>('GET', `/api/classes/${classId}/live`)).rows;
export const classDrills = async (classId: number) => (await api<{ drills: { scenarioId: string; title: { en: string; nb?: string }; runs: number }[] }>('GET', `/api/classes/${classId}/results`)).drills;
/** A drill's results in the class, and the names of its stations (results name stations by id). */
export const classResults = (classId: number, scenarioId: string) => api<{ results: ClassResults; stations: Record<string, { en: string; nb?: string; type: string }> }>('GET', `/api/classes/${classId}/results/${encodeURIComponent(scenarioId)}`);
export const classAssignments = async (classId: number) => (await api<{ assignments: ClassAssignment[] }>('GET', `/api/classes/${classId}/assignments`)).assignments;
export const assign = async (classId: number, a: AssignmentRequest) => (await api<{ assignment: AssignmentInfo }>('POST', `/api/classes/${classId}/assignments`, a)).assignment;
export const withdraw = (classId: number, assignmentId: number) => api<unknown>('DELETE', `/api/classes/${classId}/assignments/${assignmentId}`);
/** A student's run as a session file (a live one as far as the server has it), whose it is, and how it runs on the student's screen. */
export interface ClassRunSession {
  readonly session: SessionFile;
  readonly student: string;
  readonly live: boolean;
  readonly pace: { readonly speed: number; readonly running: boolean } | null;
}
/** A run of the class, checked as any session file is before it is replayed. */
export async function classRunSession(classId: number, runId: number): Promise<ClassRunSession> {
  const got = await api<ClassRunSession>('GET', `/api/classes/${classId}/runs/${runId}/session`);
  const checked = loadSessionValue(got.session);
  if (!checked.ok) throw new SchoolError(`the server sent a run that does not load: ${checked.errors[0]?.path}: ${checked.errors[0]?.message}`, 409);
  return { ...got, session: checked.session };
}
export const instruct = (classId: number, runId: number, what: Instruction) => api<{ instruction: { id: number } }>('POST', `/api/classes/${classId}/runs/${runId}/instructions`, what);
export const messageClass = (classId: number, text: string) => api<ClassMessageResult>('POST', `/api/classes/${classId}/messages`, { text });
export const studentHistory = async (classId: number, studentId: number) => (await api<{ runs: HistoryRun[] }>('GET', `/api/classes/${classId}/students/${studentId}/history`)).runs;
export const newDeviceToken = async (classId: number, studentId: number) => (await api<{ membership: Membership }>('POST', `/api/classes/${classId}/students/${studentId}/token`)).membership;

/**
 * The link that puts a student back in their class on a new device: the app's address with the
 * new token after `#` (a fragment never goes to a server, so it stays out of every log).
 */
export function rejoinLink(origin: string, token: string): string {
  return `${origin}/?library#rejoin=${encodeURIComponent(token)}`;
}
