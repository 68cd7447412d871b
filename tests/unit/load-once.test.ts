import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioJson, loadScenarioText } from '../../src/scenario';
import { localHost } from '../../src/session/engine-host';
import type { FromEngine } from '../../src/session/engine-protocol';

/**
 * A scenario is checked and compiled once on its way to the engine (issue 15): the library
 * checks the file, the store takes the checked scenario as it is, and the worker takes the
 * model the page compiled instead of checking the file again.
 */
describe('a scenario checked once', () => {
  const text = readFileSync('scenarios/breakdown-drill.json', 'utf8');

  it('a checked scenario handed on is not checked or compiled again (the same result comes back)', () => {
    const first = loadScenarioText(text);
    if (!first.ok) throw new Error('does not load');
    const again = loadScenarioJson(first.scenario);
    expect(again).toBe(first);
    // A copy is a new file: it is checked on its own (and a broken copy refused).
    const copy = loadScenarioJson({ ...first.scenario, seed: -1 });
    expect(copy.ok).toBe(false);
  });

  it('the engine service runs the model it is given, without checking the file itself', () => {
    const r = loadScenarioText(text);
    if (!r.ok) throw new Error('does not load');
    const replies: FromEngine[] = [];
    const host = localHost();
    host.listen((m) => replies.push(m));
    // The file sent along is not a scenario: had the service checked it, it would refuse.
    host.post({ id: 1, type: 'load', scenario: { not: 'a scenario' }, checked: { model: r.model, seed: r.scenario.seed } });
    expect(replies.map((m) => m.type)).toEqual(['frame']);
    expect(replies[0]!.re).toBe(1);
    host.post({ id: 2, type: 'load', scenario: { not: 'a scenario' } });
    expect(replies.at(-1)).toEqual({ type: 'error', message: 'the scenario does not load', re: 2 });
  });
});
