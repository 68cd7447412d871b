// Bundled into the page by the cross-engine tests: the engine run inside a browser (Chromium, Firefox).
import { advance, createState, stateHash } from '../../src/engine';
import { loadScenarioJson, loadScenarioText } from '../../src/scenario';
import { replay } from '../../src/session/record';
import { loadSessionText } from '../../src/session/session-file';

export function run(text: string, seed: number, ticks: number[]): string[] {
  const r = loadScenarioText(text);
  if (!r.ok) throw new Error('scenario does not load');
  const s = createState(r.model, seed);
  return ticks.map((t) => {
    advance(s, t);
    return stateHash(s);
  });
}

/** Replay a session file from scratch; the hash at every recorded checkpoint tick. */
export function replaySession(text: string): { tick: number; hash: string }[] {
  const loaded = loadSessionText(text);
  if (!loaded.ok) throw new Error('session does not load');
  const { session } = loaded;
  const r = loadScenarioJson(session.scenario);
  if (!r.ok) throw new Error('scenario does not load');
  const { checkpoints } = replay(r.model, session.seed, session.commands, session.endTick);
  const wanted = new Set(session.checkpoints.map((c) => c.tick));
  return checkpoints.filter((c) => wanted.has(c.tick));
}
