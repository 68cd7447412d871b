/**
 * The student's run this page follows for an instructor (set by app/class-run.ts): which class
 * and run the follow panel's message and fault go to. Null on every other page.
 */
import { externalValue } from './external-value';

export interface Followed {
  readonly classId: number;
  readonly runId: number;
  readonly student: string;
}

const followed = externalValue<Followed | null>(null);

export const setFollowed = (f: Followed | null): void => followed.set(f);
export const useFollowed = (): Followed | null => followed.use();
