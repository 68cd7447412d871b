/**
 * A run resumed after a reload is rebuilt in one pass; its trends are sampled on the way. The
 * charts had the point at 00:00 and the one at the resumed tick only, and drew one straight line
 * between them (a spindle warming up for ten minutes, then overheating, read as a steady rise).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createState, stateHash } from '../../src/engine';
import { HISTORY_POINTS, replayWithHistory } from '../../src/session/history';
import { type Checkpoint, replay } from '../../src/session/record';
import { loadSessionText } from '../../src/session/session-file';
import { loadScenarioJson } from '../../src/scenario';
import { createSimStore } from '../../src/store/sim-store';
import { manualClock } from '../manual-clock';

const loaded = loadSessionText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
if (!loaded.ok) throw new Error('golden session does not load');
const session = loaded.session;
const compiled = loadScenarioJson(session.scenario);
if (!compiled.ok) throw new Error('golden scenario does not load');
const model = compiled.model;

describe('a resumed run’s trends', () => {
  it('are sampled every 10 s while the run is rebuilt, and the rebuilt run is the same run', () => {
    const at = 20_000; // 33:20, after the breakdown at 10 min and the repair
    const s = createState(model, session.seed);
    const checkpoints: Checkpoint[] = [];
    const h = replayWithHistory(s, session.commands, at, checkpoints);
    const plain = replay(model, session.seed, session.commands, at);
    expect(stateHash(s)).toBe(stateHash(plain.state));
    expect([...checkpoints, { tick: s.tick, hash: stateHash(s) }]).toEqual(plain.checkpoints);

    const temperature = h.sensors.get('M1.temperature')!;
    expect(temperature.ticks[0]).toBe(0);
    expect(temperature.ticks.length).toBe(at / 100 + 1);
    expect(new Set(temperature.ticks.slice(1).map((t, k) => t - temperature.ticks[k]!))).toEqual(new Set([100]));
    // Not a straight line: the mill runs warm, stops at 11 min for its repair and cools, and
    // warms again once restarted at 31:40. A line from 00:00 to 33:20 would be 35.6 °C at 10 min.
    const v = temperature.values as number[];
    expect(v[60]!).toBeGreaterThan(39); // 10 min
    expect(Math.min(...v)).toBeLessThan(Math.min(v[0]!, v.at(-1)!) - 1.5);
    expect(v.at(-1)!).toBeGreaterThan(v[190]!); // rising again after the restart
    expect(h.kpis.ticks.length).toBeGreaterThan(30);
  });

  it('have every part measured on the way, once: the SPC chart of the lathe in the spindle drill', () => {
    const r = loadScenarioJson(JSON.parse(readFileSync('scenarios/spindle-overheating.json', 'utf8')));
    if (!r.ok) throw new Error('spindle drill does not load');
    const s = createState(r.model, r.scenario.seed);
    const h = replayWithHistory(s, [], 43 * 600, []);
    const parts = h.parts.get('CNC1')!;
    const made = s.stations[r.model.stations.findIndex((x) => x.id === 'CNC1')]!.c.processed;
    expect(made).toBeGreaterThan(40);
    expect(parts.ticks.length).toBe(made);
    expect(new Set(parts.ticks).size).toBe(made);
  });

  it('keep at most HISTORY_POINTS samples, spread over a long run', () => {
    const s = createState(model, session.seed);
    const h = replayWithHistory(s, session.commands, session.endTick, []);
    const series = h.sensors.get('M1.temperature')!;
    expect(series.ticks.length).toBeLessThanOrEqual(HISTORY_POINTS);
    expect(series.ticks.at(-1)).toBeGreaterThan(session.endTick - 200);
  });

  it('reach the store’s charts when a run is resumed', () => {
    const store = createSimStore(manualClock().clock);
    store.getState().resume(session.scenario, session.commands, 20_000);
    const series = store.history().sensors.get('M1.temperature')!;
    expect(series.ticks.length).toBe(20_000 / 100 + 1);
    expect(store.getState().observation?.tick).toBe(20_000);
  });
});
