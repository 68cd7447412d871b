/**
 * What the file formats allow at most, so that a hostile or broken file is refused quickly
 * with a sentence instead of keeping validation, the worker or the engine busy. The counts are
 * far above any real training line (the largest shipped line has 12 stations) and are stated
 * in the JSON Schema, so an editor shows them too.
 */
import { NEVER, TICKS_PER_SECOND } from '../engine';

/** Nesting of objects and arrays: a scenario needs about 6 levels. */
export const MAX_JSON_DEPTH = 64;

export const MAX_STATIONS = 500;
export const MAX_CONNECTIONS = 2000;
export const MAX_FAULTS = 200;
export const MAX_ALARM_RULES = 2000;
export const MAX_LOTS = 200;
export const MAX_TEXT_ITEMS = 50;

/** The longest run a file may ask for; the engine itself can count to NEVER (about 1,242 days). */
export const MAX_RUN_DAYS = 1000;
export const MAX_RUN_SECONDS = MAX_RUN_DAYS * 86_400;
export const MAX_RUN_TICKS = MAX_RUN_SECONDS * TICKS_PER_SECOND;
if (MAX_RUN_TICKS >= NEVER) throw new Error('MAX_RUN_TICKS must stay below the engine’s NEVER');

/** At most this many validation errors are listed; the rest are counted. */
export const MAX_REPORTED_ERRORS = 50;

/**
 * How deeply the JSON text nests, counted on the text itself (strings skipped), so that a
 * file is refused before anything recurses into it. Returns the depth, stopping early once it
 * passes `limit`.
 */
export function textDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (inString) {
      if (c === 0x5c) k++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** The same for a parsed value, without recursion (an explicit stack). */
export function valueDepth(root: unknown, limit = MAX_JSON_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) {
      max = d;
      if (max > limit) return max;
    }
    for (const child of Object.values(v as object)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return max;
}

export const DEPTH_MESSAGE = `the file nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep; a scenario needs fewer than 10`;
