// Bundled into the page by cross-engine.spec.ts: the engine run inside the browser.
import { advance, createState, stateHash } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario';

export function run(text: string, seed: number, ticks: number[]): string[] {
  const r = loadScenarioText(text);
  if (!r.ok) throw new Error('scenario does not load');
  const s = createState(r.model, seed);
  return ticks.map((t) => {
    advance(s, t);
    return stateHash(s);
  });
}
