/**
 * Seeded fuzzing of the files a student or an instructor opens: mutations of every shipped
 * scenario and of the golden sessions go through the same loaders the browser uses
 * (loadScenarioText for the library, loadSessionText for the sessions list and replay). Each
 * file must be accepted or refused with errors in words, quickly, and never throw; an
 * accepted scenario must also run, and an accepted session must verify without throwing.
 * A failure prints the seed and the mutation, so it reproduces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advance, createState } from '../../src/engine';
import { type LoadResult, loadScenarioText } from '../../src/scenario';
import { loadSessionText, type SessionFile } from '../../src/session/session-file';
import { verifySession } from '../../src/session/verify';
import { type Json, mutate, Rand, textOf } from './mutate';

const SCENARIOS = join(__dirname, '../../scenarios');
const GOLDEN = join(__dirname, '../golden');
const MUTATIONS_PER_FILE = 30;
/** Loading (parse, schema, checks, compile) of one file, on this 2-core machine. */
const LOAD_BOUND_MS = 1500;
/** How far an accepted mutated scenario is run: enough to start every station and fault timer. */
const RUN_TICKS = 36_000;
/** A mutated session is re-simulated in full only when it is short (a long legal run shows progress instead). */
const VERIFY_MAX_TICKS = 200_000;

const scenarioFiles = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
const sessionFiles = readdirSync(GOLDEN).filter((f) => f.endsWith('.session.json'));

function expectCleanErrors(errors: readonly { path: string; message: string }[], context: string): void {
  expect(errors.length, context).toBeGreaterThan(0);
  for (const e of errors) {
    expect(typeof e.path, context).toBe('string');
    expect(e.message.length, context).toBeGreaterThan(0);
    expect(e.message, context).not.toMatch(/Maximum call stack|internal error|undefined is not|Cannot read prop/);
  }
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

type LoadedScenario = Extract<LoadResult, { ok: true }>;
type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly { path: string; message: string }[] };

/**
 * Feed `count` seeded mutations of `doc` through `load`; each must load or be refused in words
 * within the bound, and what loads goes to `accepted`. Returns how many were refused.
 */
function fuzz<T>(file: string, doc: Json, seed: number, count: number, load: (text: string) => Loaded<T>, accepted: (value: T, what: string, context: string) => void): number {
  const r = new Rand(seed);
  let refused = 0;
  for (let k = 0; k < count; k++) {
    const m = mutate(doc, r);
    const text = textOf(m, r);
    const context = `${file}, mutation ${k} (seed ${seed}): ${m.what}`;
    const { value: loaded, ms } = timed(() => load(text));
    expect(ms, context).toBeLessThan(LOAD_BOUND_MS);
    if (loaded.ok) accepted(loaded.value, m.what, context);
    else {
      refused++;
      expectCleanErrors(loaded.errors, context);
    }
  }
  return refused;
}

describe('fuzzed scenario files are accepted or refused in words, quickly, never a crash', () => {
  for (const [n, file] of scenarioFiles.entries()) {
    it(file, () => {
      const doc = JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8')) as Json;
      const load = (text: string): Loaded<LoadedScenario> => {
        const r = loadScenarioText(text);
        return r.ok ? { ok: true, value: r } : r;
      };
      const refused = fuzz(file, doc, 0x5eed + n * 7919, MUTATIONS_PER_FILE, load, (loaded, _what, context) => {
        const s = createState(loaded.model, loaded.scenario.seed);
        expect(() => advance(s, Math.min(RUN_TICKS, loaded.model.durationTicks)), context).not.toThrow();
      });
      // The mutations must mostly break something, or the fuzzer tests nothing.
      expect(refused).toBeGreaterThan(MUTATIONS_PER_FILE / 4);
    });
  }
});

describe('fuzzed session files are accepted or refused in words, quickly, never a crash', () => {
  for (const [n, file] of sessionFiles.entries()) {
    it(file, () => {
      const doc = JSON.parse(readFileSync(join(GOLDEN, file), 'utf8')) as Json;
      const load = (text: string): Loaded<SessionFile> => {
        const r = loadSessionText(text);
        return r.ok ? { ok: true, value: r.session } : r;
      };
      const refused = fuzz(file, doc, 0xfeed + n * 104729, MUTATIONS_PER_FILE * 2, load, (session, what, context) => {
        if (session.endTick > VERIFY_MAX_TICKS) return;
        let report: ReturnType<typeof verifySession>;
        try {
          report = verifySession(session);
        } catch (e) {
          throw new Error(`${context}: verify threw ${(e as Error).message}`);
        }
        // A changed command or hash must not pass as genuine.
        if (what.startsWith('set commands') || what.startsWith('set checkpoints')) expect(report.verification.kind, context).not.toBe('reproduces');
      });
      expect(refused).toBeGreaterThan(MUTATIONS_PER_FILE / 2);
    });
  }
});
