/**
 * The messages between the app and a school server (src/server), as zod schemas that both sides
 * use: the browser to build a request, the server to refuse a bad one with the path of what is
 * wrong. Names are short and human: a student gives a display name only, never an e-mail.
 */
import { z } from '../scenario/zod';

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
