/**
 * Whether this browser is in a class on a school server, and how far its runs have reached it
 * (src/app/school-sync.ts keeps it; the library's class panel shows it).
 */
import type { Membership } from '../session/school-api';
import type { Delivery as Reached } from '../session/school-client';
import { externalValue } from './external-value';

export interface ClassMembership {
  /** The server's address as http(s)://host[:port]. */
  readonly base: string;
  readonly membership: Membership;
}

export type Delivery =
  | { readonly state: 'sent' }
  | { readonly state: 'sending'; readonly waiting: number }
  /** The server could not be reached: `waiting` records are kept here until it can. */
  | { readonly state: 'offline'; readonly waiting: number }
  /** The server refused something; its words. */
  | { readonly state: 'refused'; readonly reason: string };

export interface ClassState {
  readonly joined: ClassMembership | null;
  readonly delivery: Delivery;
  /** How far each run has reached the server (the same numbers as in storage, to re-render on). */
  readonly cursors: Readonly<Record<string, RunCursor>>;
}

const KEY = 'lf.school';

function stored(): ClassMembership | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const v = raw ? (JSON.parse(raw) as ClassMembership) : null;
    return v && typeof v.base === 'string' && typeof v.membership?.token === 'string' ? v : null;
  } catch {
    return null;
  }
}

/**
 * What can be said before the first round has asked the server: runs this browser has not
 * finished sending are still on their way. (It said "every run has reached the class" on every
 * page load, though a run ended just before the page was left had not.)
 */
export function deliveryOf(cursors: Readonly<Record<string, RunCursor>>): Delivery {
  const waiting = Object.values(cursors).filter((c) => !c.done).length;
  return waiting === 0 ? { state: 'sent' } : { state: 'sending', waiting };
}

const cursorsAtStart = loadCursors();
export const classState = externalValue<ClassState>({ joined: stored(), delivery: stored() === null ? { state: 'sent' } : deliveryOf(cursorsAtStart), cursors: cursorsAtStart });

export function setMembership(joined: ClassMembership | null): void {
  // What reached one class's server says nothing about another's.
  saveCursors({});
  try {
    if (joined === null) globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, JSON.stringify(joined));
  } catch {
    // Private mode without storage: the membership lasts this visit.
  }
  classState.set({ joined, delivery: { state: 'sent' }, cursors: {} });
}

export function setDelivery(delivery: Delivery): void {
  const now = classState.get();
  if (JSON.stringify(now.delivery) !== JSON.stringify(delivery)) classState.set({ ...now, delivery });
}

export const useClassState = (): ClassState => classState.use();

/**
 * Per run (this browser's run id): how far it has reached the server, whether all of it has, and
 * whether it has ended here (its end is owed to the server even before the finished run is saved).
 */
export type RunCursor = Reached & { readonly done: boolean; readonly ended?: boolean };

const CURSORS_KEY = 'lf.school.runs';

export function loadCursors(): Record<string, RunCursor> {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(CURSORS_KEY) ?? '{}') as Record<string, RunCursor>;
  } catch {
    return {};
  }
}

export function saveCursors(cursors: Record<string, RunCursor>): void {
  try {
    globalThis.localStorage?.setItem(CURSORS_KEY, JSON.stringify(cursors));
  } catch {
    // Without storage the numbers are asked of the server again (a start names the same run).
  }
  // Whatever shows a run's state re-renders with the numbers just saved (not with the last
  // delivery change); a round that changed nothing re-renders nothing.
  const now = classState.get();
  if (JSON.stringify(now.cursors) !== JSON.stringify(cursors)) classState.set({ ...now, cursors: { ...cursors } });
}

const SEEN_KEY = 'lf.school.instructions';

/** The last instruction from the instructor this browser has carried out in a server run (0: none). */
export function instructionsSeen(serverRunId: number): number {
  try {
    const seen = JSON.parse(globalThis.localStorage?.getItem(SEEN_KEY) ?? '{}') as Record<string, number>;
    return Number(seen[serverRunId] ?? 0) || 0;
  } catch {
    return 0;
  }
}

export function markInstructionsSeen(serverRunId: number, id: number): void {
  try {
    const seen = JSON.parse(globalThis.localStorage?.getItem(SEEN_KEY) ?? '{}') as Record<string, number>;
    globalThis.localStorage?.setItem(SEEN_KEY, JSON.stringify({ ...seen, [serverRunId]: Math.max(id, Number(seen[serverRunId] ?? 0) || 0) }));
  } catch {
    // Without storage an instruction may be carried out twice after a reload: a message shows again, a fault is refused as started.
  }
}

/** A run made before joining, or an imported one, sent to the class on request (the next sync round sends it). */
export function sendToClass(runId: string): void {
  const cursors = loadCursors();
  if (cursors[runId] !== undefined) return;
  cursors[runId] = { serverRunId: null, expected: 0, done: false };
  saveCursors(cursors);
  const now = classState.get();
  classState.set({ ...now, delivery: { state: 'sending', waiting: 1 } });
}
