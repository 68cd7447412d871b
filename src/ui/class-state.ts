/**
 * Whether this browser is in a class on a school server, and how far its runs have reached it
 * (src/app/school-sync.ts keeps it; the library's class panel shows it).
 */
import type { Membership } from '../session/school-api';
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

export const classState = externalValue<ClassState>({ joined: stored(), delivery: { state: 'sent' } });

export function setMembership(joined: ClassMembership | null): void {
  try {
    if (joined === null) globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, JSON.stringify(joined));
  } catch {
    // Private mode without storage: the membership lasts this visit.
  }
  classState.set({ joined, delivery: { state: 'sent' } });
}

export function setDelivery(delivery: Delivery): void {
  const now = classState.get();
  if (JSON.stringify(now.delivery) !== JSON.stringify(delivery)) classState.set({ ...now, delivery });
}

export const useClassState = (): ClassState => classState.use();
