/**
 * Whether the instructor's tools are shown (library notes, the fault-injection panel). Kept in
 * localStorage so a teacher's laptop stays in instructor mode; students see none of it by default.
 */
import { externalValue } from './external-value';

const KEY = 'lf.instructor';

function read(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

const mode = externalValue(read());

export function setInstructorMode(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(KEY, on ? '1' : '0');
  } catch {
    // not remembered, but still switched
  }
  mode.set(on);
}

export function useInstructorMode(): boolean {
  return mode.use();
}
