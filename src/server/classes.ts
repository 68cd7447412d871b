/**
 * Classes and the students who joined them. Every function that an instructor calls takes the
 * instructor's id and touches only that instructor's classes: authorisation is in the query,
 * not only in the route.
 */
import type { ClassInfo, Membership, StudentInfo } from '../session/school-api';
import { newToken, readableCode, tokenHash } from './auth/secrets';
import { isUniqueViolation, type Sql } from './db/database';

export const JOIN_CODE_LENGTH = 6;

interface ClassRow {
  readonly id: number;
  readonly name: string;
  readonly join_code: string;
  readonly open: boolean;
  readonly students: number;
  [k: string]: unknown;
}

const classInfo = (r: ClassRow): ClassInfo => ({ id: r.id, name: r.name, joinCode: r.join_code, open: r.open, students: r.students });

const SELECT_CLASS = 'select c.id, c.name, c.join_code, c.open, (select count(*)::integer from students s where s.class_id = c.id) as students from classes c';

/** Retries on the rare code that is already taken (31⁶ ≈ 890 million codes). */
async function withFreshCode<T>(attempt: (code: string) => Promise<T>): Promise<T> {
  for (let k = 0; ; k++) {
    try {
      return await attempt(readableCode(JOIN_CODE_LENGTH));
    } catch (e) {
      if (!isUniqueViolation(e) || k >= 5) throw e;
    }
  }
}

export async function createClass(db: Sql, instructorId: number, name: string): Promise<ClassInfo> {
  const id = await withFreshCode(async (code) => {
    const [row] = await db.query<{ id: number }>('insert into classes (instructor_id, name, join_code) values ($1, $2, $3) returning id', [instructorId, name, code]);
    return row!.id;
  });
  return (await classOf(db, instructorId, id))!;
}

export async function listClasses(db: Sql, instructorId: number): Promise<ClassInfo[]> {
  return (await db.query<ClassRow>(`${SELECT_CLASS} where c.instructor_id = $1 order by c.created_at, c.id`, [instructorId])).map(classInfo);
}

/** The class if it is this instructor's, else null (the route answers 404 either way: nobody learns which classes exist). */
export async function classOf(db: Sql, instructorId: number, classId: number): Promise<ClassInfo | null> {
  const [row] = await db.query<ClassRow>(`${SELECT_CLASS} where c.id = $1 and c.instructor_id = $2`, [classId, instructorId]);
  return row === undefined ? null : classInfo(row);
}

export async function setClassOpen(db: Sql, instructorId: number, classId: number, open: boolean): Promise<ClassInfo | null> {
  await db.query('update classes set open = $3 where id = $1 and instructor_id = $2', [classId, instructorId, open]);
  return classOf(db, instructorId, classId);
}

/** A new join code; the old one stops working at once. Students who joined stay in. */
export async function rotateJoinCode(db: Sql, instructorId: number, classId: number): Promise<ClassInfo | null> {
  await withFreshCode((code) => db.query('update classes set join_code = $3 where id = $1 and instructor_id = $2', [classId, instructorId, code]));
  return classOf(db, instructorId, classId);
}

export async function listStudents(db: Sql, instructorId: number, classId: number): Promise<StudentInfo[] | null> {
  if ((await classOf(db, instructorId, classId)) === null) return null;
  const rows = await db.query<{ id: number; display_name: string; created_at: Date | string }>('select id, display_name, created_at from students where class_id = $1 order by display_name, id', [classId]);
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, joinedAt: new Date(r.created_at).toISOString() }));
}

export type JoinResult = Membership | 'unknown code' | 'closed';

/** A student joins with the code on the board and a display name; the device token is shown once. */
export async function joinClass(db: Sql, code: string, displayName: string): Promise<JoinResult> {
  const [cls] = await db.query<{ id: number; name: string; open: boolean }>('select id, name, open from classes where join_code = $1', [code]);
  if (cls === undefined) return 'unknown code';
  if (!cls.open) return 'closed';
  const token = newToken();
  const [row] = await db.query<{ id: number }>('insert into students (class_id, display_name, token_hash) values ($1, $2, $3) returning id', [cls.id, displayName, tokenHash(token)]);
  return { studentId: row!.id, classId: cls.id, className: cls.name, displayName, token };
}

/** A lost device token: a new one for the same student; the old one stops working. */
export async function reissueToken(db: Sql, instructorId: number, classId: number, studentId: number): Promise<Membership | null> {
  const token = newToken();
  const [row] = await db.query<{ id: number; display_name: string; name: string }>(
    'update students s set token_hash = $4 from classes c where s.id = $3 and s.class_id = $2 and c.id = s.class_id and c.instructor_id = $1 returning s.id, s.display_name, c.name',
    [instructorId, classId, studentId, tokenHash(token)],
  );
  return row === undefined ? null : { studentId: row.id, classId, className: row.name, displayName: row.display_name, token };
}

export interface StudentIdentity {
  readonly id: number;
  readonly classId: number;
  readonly className: string;
  readonly classOpen: boolean;
  readonly displayName: string;
}

export async function studentForToken(db: Sql, token: string): Promise<StudentIdentity | null> {
  const [row] = await db.query<{ id: number; class_id: number; name: string; open: boolean; display_name: string }>(
    'select s.id, s.class_id, c.name, c.open, s.display_name from students s join classes c on c.id = s.class_id where s.token_hash = $1',
    [tokenHash(token)],
  );
  return row === undefined ? null : { id: row.id, classId: row.class_id, className: row.name, classOpen: row.open, displayName: row.display_name };
}
