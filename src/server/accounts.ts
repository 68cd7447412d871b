/**
 * Instructor accounts: creation, sign-in with lock-out, sign-in sessions, password change.
 * A school's rules: a name and a password, nothing else about the person.
 */
import type { InstructorInfo } from '../session/school-api';
import { hashPassword, newToken, tokenHash, verifyPassword } from './auth/secrets';
import { type Database, isUniqueViolation, type Sql } from './db/database';

/** Wrong passwords in a row before the account locks, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MS = 15 * 60 * 1000;
/** A sign-in lasts a school day. */
export const SESSION_MS = 12 * 60 * 60 * 1000;

interface InstructorRow {
  readonly id: number;
  readonly name: string;
  readonly password_hash: string;
  readonly must_change_password: boolean;
  readonly failed_sign_ins: number;
  readonly locked_until: Date | string | null;
  [k: string]: unknown;
}

const info = (r: InstructorRow): InstructorInfo => ({ id: r.id, name: r.name, mustChangePassword: r.must_change_password });

export async function instructorCount(db: Sql): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::integer as n from instructors');
  return row?.n ?? 0;
}

/** A new instructor; 'exists' when the name is taken. */
export async function addInstructor(db: Sql, name: string, password: string, mustChangePassword: boolean): Promise<InstructorInfo | 'exists'> {
  const hash = await hashPassword(password);
  try {
    const [row] = await db.query<InstructorRow>('insert into instructors (name, password_hash, must_change_password) values ($1, $2, $3) returning *', [name, hash, mustChangePassword]);
    return info(row!);
  } catch (e) {
    if (isUniqueViolation(e)) return 'exists';
    throw e;
  }
}

/** The first instructor, from the first-run page: refused once any instructor exists. */
export function setUp(db: Database, name: string, password: string): Promise<InstructorInfo | 'done already'> {
  return db.transaction(async (tx) => {
    // Two first-run pages submitted at once: the second waits here and finds the first.
    await tx.query('lock table instructors in exclusive mode');
    if ((await instructorCount(tx)) > 0) return 'done already';
    const made = await addInstructor(tx, name, password, false);
    return made === 'exists' ? 'done already' : made;
  });
}

export type SignInResult = { readonly ok: true; readonly instructor: InstructorInfo; readonly token: string } | { readonly ok: false; readonly reason: 'wrong' | 'locked'; readonly until?: Date };

/** Computed once: a name nobody has is checked against it, so a wrong name takes as long as a wrong password. */
let decoy: Promise<string> | null = null;

export async function signIn(db: Sql, name: string, password: string, now: Date): Promise<SignInResult> {
  const [row] = await db.query<InstructorRow>('select * from instructors where name = $1', [name]);
  if (row === undefined) {
    decoy ??= hashPassword('not a password of anyone');
    await verifyPassword(password, await decoy);
    return { ok: false, reason: 'wrong' };
  }
  const locked = row.locked_until === null ? null : new Date(row.locked_until);
  if (locked !== null && locked > now) return { ok: false, reason: 'locked', until: locked };
  if (!(await verifyPassword(password, row.password_hash))) {
    const failed = row.failed_sign_ins + 1;
    if (failed >= MAX_FAILED_SIGN_INS) {
      const until = new Date(now.getTime() + LOCK_MS);
      await db.query('update instructors set failed_sign_ins = 0, locked_until = $2 where id = $1', [row.id, until.toISOString()]);
      return { ok: false, reason: 'locked', until };
    }
    await db.query('update instructors set failed_sign_ins = $2 where id = $1', [row.id, failed]);
    return { ok: false, reason: 'wrong' };
  }
  await db.query('update instructors set failed_sign_ins = 0, locked_until = null where id = $1', [row.id]);
  const token = newToken();
  await db.query('insert into instructor_sessions (token_hash, instructor_id, expires_at) values ($1, $2, $3)', [tokenHash(token), row.id, new Date(now.getTime() + SESSION_MS).toISOString()]);
  await db.query('delete from instructor_sessions where expires_at < $1', [now.toISOString()]);
  return { ok: true, instructor: info(row), token };
}

export async function instructorForToken(db: Sql, token: string, now: Date): Promise<InstructorInfo | null> {
  const [row] = await db.query<InstructorRow>('select i.* from instructor_sessions s join instructors i on i.id = s.instructor_id where s.token_hash = $1 and s.expires_at > $2', [tokenHash(token), now.toISOString()]);
  return row === undefined ? null : info(row);
}

export async function signOut(db: Sql, token: string): Promise<void> {
  await db.query('delete from instructor_sessions where token_hash = $1', [tokenHash(token)]);
}

/** A new password; every other sign-in of this instructor ends. */
export async function changePassword(db: Database, id: number, current: string, next: string, keepToken: string): Promise<'changed' | 'wrong'> {
  const [row] = await db.query<InstructorRow>('select * from instructors where id = $1', [id]);
  if (row === undefined || !(await verifyPassword(current, row.password_hash))) return 'wrong';
  const hash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.query('update instructors set password_hash = $2, must_change_password = false where id = $1', [id, hash]);
    await tx.query('delete from instructor_sessions where instructor_id = $1 and token_hash <> $2', [id, tokenHash(keepToken)]);
  });
  return 'changed';
}
