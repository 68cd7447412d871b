import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advance, createState, kpis, type LineModel } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario';
import { modelOf, scenario } from '../helpers';

function unreliableMachine(): LineModel {
  return modelOf(
    scenario({
      duration: '30d',
      warmup: '1d',
      transitionTimes: { holding: 0, unholding: 0 },
      alarms: { defaults: 'none' },
      line: {
        stations: [
          { id: 'SRC', type: 'source' },
          { id: 'M', type: 'machine', processTime: '50s' },
          { id: 'OUT', type: 'sink' },
        ],
        connections: [
          ['SRC', 'M'],
          ['M', 'OUT'],
        ],
      },
      faults: [{ id: 'F', type: 'breakdown', station: 'M', trigger: { mtbf: '3600s', basis: 'busy' }, repair: 'auto', mttr: { dist: 'exponential', mean: '300s' } }],
    }),
  );
}

function reference(): LineModel {
  const r = loadScenarioText(readFileSync('scenarios/reference-line5.json', 'utf8'));
  if (!r.ok) throw new Error('reference line does not load');
  return r.model;
}

describe('validation against queueing theory', () => {
  it('a single unreliable machine produces availability / process time, with A = MTBF / (MTBF + MTTR)', () => {
    const model = unreliableMachine();
    const A = 3600 / (3600 + 300);
    const expectedPerHour = (A * 3600) / 50;
    const rates: number[] = [];
    for (const seed of [1, 2, 3, 4, 5]) {
      const s = createState(model, seed);
      advance(s, model.durationTicks);
      const k = kpis(s);
      rates.push(k.line.throughputPerHour);
      // One seed: within about 3.5 standard deviations of the downtime total (see the README of the engine).
      expect(Math.abs(k.line.throughputPerHour / expectedPerHour - 1)).toBeLessThan(0.015);
      const m = k.stations.find((x) => x.id === 'M')!;
      expect(Math.abs(m.oee!.availability / A - 1)).toBeLessThan(0.015);
      expect(Math.abs(m.mtbfSeconds! / 3600 - 1)).toBeLessThan(0.15);
      expect(Math.abs(m.mttrSeconds! / 300 - 1)).toBeLessThan(0.15);
      // Nothing but failures slows it: performance is 1 and quality is 1.
      expect(m.oee!.performance).toBeCloseTo(1, 3);
    }
    const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
    expect(Math.abs(mean / expectedPerHour - 1)).toBeLessThan(0.006);
  });

  it("Little's law holds on the reference line: WIP = throughput × lead time", () => {
    const model = reference();
    for (const seed of [7, 8]) {
      const s = createState(model, seed);
      advance(s, model.durationTicks);
      const k = kpis(s).line;
      const exitsPerSecond = (k.goodParts + k.scrapParts) / k.windowSeconds;
      expect(Math.abs((exitsPerSecond * k.leadTimeAverageSeconds) / k.wipAverage - 1)).toBeLessThan(0.01);
    }
  });

  it('the reference line is bounded by its constraint: M3 at 60 s with availability 12/13', () => {
    const model = reference();
    const s = createState(model, 7);
    advance(s, model.durationTicks);
    const k = kpis(s);
    const bound = ((3600 / 60) * 3600) / 3900;
    expect(k.line.constraint).toBe('M3');
    expect(k.line.throughputPerHour).toBeLessThan(bound * 0.98);
    // Buffers of five decouple the machines well enough to keep most of the constraint's output.
    expect(k.line.throughputPerHour).toBeGreaterThan(bound * 0.8);
    expect(k.line.scrapParts / (k.line.goodParts + k.line.scrapParts)).toBeCloseTo(0.02, 2);
  });

  it('KPIs are consistent: OEE = A × P × Q, state fractions sum to 1, line OEE = good × ideal cycle / planned time', () => {
    const model = reference();
    const s = createState(model, 9);
    advance(s, model.durationTicks / 10);
    const k = kpis(s);
    for (const st of k.stations) {
      const total = Object.values(st.stateFractions).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 9);
      if (st.oee) expect(st.oee.oee).toBeCloseTo(st.oee.availability * st.oee.performance * st.oee.quality, 12);
    }
    const ideal = 60;
    expect(k.line.oee.oee).toBeCloseTo((k.line.goodParts * ideal) / k.line.windowSeconds, 9);
  });
});

describe('line KPIs with parallel machines', () => {
  it('the constraint is the stage slowest on average, not on its nameplate: the tutorial\'s mill (40 to 55 s) holds the line, not its lathe (42 s)', () => {
    const r = loadScenarioText(readFileSync('scenarios/tutorial-line.json', 'utf8'));
    if (!r.ok) throw new Error('tutorial-line does not load');
    const s = createState(r.model, r.scenario.seed);
    advance(s, r.model.durationTicks);
    const k = kpis(s);
    expect(k.line.constraint).toBe('M1');
    // As the line shows it: the mill works all the time, the lathe before it waits (blocked) now and then.
    const share = (id: string, state: string) => k.stations.find((x) => x.id === id)!.stateFractions[state] ?? 0;
    expect(share('M1', 'Execute')).toBeGreaterThan(0.99);
    expect(share('L1', 'Suspended')).toBeGreaterThan(0.02);
    // Its nameplate (40 s) measures the line: the output, 40 s a part, against the shift.
    expect(k.line.oee.oee).toBeCloseTo((k.line.goodParts * 40) / k.line.windowSeconds, 2);
  });

  it('a stage of two parallel machines is the constraint at twice one machine\'s rate: line performance stays at most 100 %', async () => {
    const { kpis, advance, createState } = await import('../../src/engine');
    const { modelOf, scenario } = await import('../helpers');
    const model = modelOf(
      scenario({
        seed: 3,
        duration: '8h',
        line: {
          stations: [
            { id: 'SRC', type: 'source' },
            { id: 'B0', type: 'buffer', capacity: 8 },
            { id: 'M1', type: 'machine', processTime: '80s' },
            { id: 'M2', type: 'machine', processTime: '80s' },
            { id: 'B1', type: 'buffer', capacity: 6 },
            { id: 'W', type: 'machine', processTime: '30s' },
            { id: 'OUT', type: 'sink' },
          ],
          connections: [['SRC', 'B0'], ['B0', 'M1'], ['B0', 'M2'], ['M1', 'B1'], ['M2', 'B1'], ['B1', 'W'], ['W', 'OUT']],
        },
      }),
    );
    const s = createState(model, 3);
    advance(s, model.durationTicks);
    const line = kpis(s).line;
    // Two 80 s machines make 90 parts an hour between them; the washer (120/h) is not the constraint.
    expect(line.throughputPerHour).toBeGreaterThan(85);
    expect(['M1', 'M2']).toContain(line.constraint);
    expect(line.oee.performance).toBeLessThanOrEqual(1.0001);
    expect(line.oee.performance).toBeGreaterThan(0.95);
  });
});
