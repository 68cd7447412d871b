import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/engine';
import { loadSessionText } from '../../src/session/session-file';
import { verifySession } from '../../src/session/verify';

/**
 * Recorded sessions checked into the repository must replay to the same hashes forever. When a
 * deliberate engine change breaks them, ENGINE_VERSION changes and the files are regenerated
 * (tests/golden/make-golden.ts) or migrated in the same commit.
 */
const files = readdirSync('tests/golden').filter((f) => f.endsWith('.session.json'));

describe('golden sessions', () => {
  it('there are several, from different drills', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
  for (const f of files) {
    it(`${f} replays to its recorded hashes with this engine`, () => {
      const loaded = loadSessionText(readFileSync(`tests/golden/${f}`, 'utf8'));
      if (!loaded.ok) throw new Error(`${f} does not load`);
      expect(loaded.session.engine).toBe(ENGINE_VERSION);
      expect(loaded.session.checkpoints.length).toBeGreaterThan(3);
      expect(verifySession(loaded.session).verification).toEqual({ kind: 'reproduces', reproduces: true, recordedWith: null });
    });
  }
});
