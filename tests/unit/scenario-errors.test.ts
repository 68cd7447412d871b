import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, MAX_SCENARIO_BYTES } from '../../src/scenario';

const DIR = join(__dirname, '../fixtures/bad-scenarios');
const expected = JSON.parse(readFileSync(join(DIR, 'expected-errors.json'), 'utf8')) as Record<string, { path: string; message: string }>;

describe('bad scenario files get errors that name where and what', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'expected-errors.json');
  it('every file in the corpus has an expectation', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(Object.keys(expected).sort());
  });
  for (const file of files) {
    const name = file.replace(/\.json$/, '');
    it(name, () => {
      const result = loadScenarioText(readFileSync(join(DIR, file), 'utf8'));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const want = expected[name]!;
      const match = result.errors.find((e) => e.path === want.path);
      expect(match, `errors were: ${JSON.stringify(result.errors)}`).toBeDefined();
      expect(match!.message).toContain(want.message);
    });
  }

  it('a __proto__ key never reaches Object.prototype', () => {
    loadScenarioText('{"format":1,"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses files over 1 MB before parsing them', () => {
    const big = `{"format":1,"pad":"${'x'.repeat(MAX_SCENARIO_BYTES)}"}`;
    const r = loadScenarioText(big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain('at most 1 MB');
  });

  it('reports several independent errors at once', () => {
    const r = loadScenarioText(
      JSON.stringify({ format: 1, id: 'x', title: 't', briefing: 'b', seed: -1, duration: 'soon', line: { stations: [], connections: [] } }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['seed', 'duration', 'line.stations']));
  });
});
