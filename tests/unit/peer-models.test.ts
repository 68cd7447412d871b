import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBoundLine } from '../../bench/bound-line';
import { runFloorLine } from '../../bench/floor-line';
import { advance, createState } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario';

// `npm run bench` prints the engine's cost per event beside two hand-written models of the
// reference line (a bound with the engine's state, a floor without). The comparison means
// something only while they model the same line: same machines, failures, repairs and scrap.
describe('the benchmark peer models of the reference line', () => {
  const r = loadScenarioText(readFileSync('scenarios/reference-line5.json', 'utf8'));
  if (!r.ok) throw new Error('reference line does not load');
  const model = r.model;
  const days = model.durationTicks / 864_000;
  const engine = createState(model, 7);
  advance(engine, model.durationTicks);

  // Their random streams are not the engine's, so over 30 days they agree within sampling noise
  // (seeds 1–8 differ by at most 1.4 %); a wrong process time, MTBF or MTTR moves it by 7 % or more.
  it.each([
    ['bound', runBoundLine],
    ['floor', runFloorLine],
  ])('the %s model makes as many good parts as the engine, and scraps 2 % of them', (_, run) => {
    const peer = run(days, 7);
    expect(Math.abs(peer.good / engine.line.good - 1)).toBeLessThan(0.03);
    const scrapShare = peer.scrap / (peer.good + peer.scrap);
    expect(scrapShare).toBeGreaterThan(0.015);
    expect(scrapShare).toBeLessThan(0.025);
  });
});
