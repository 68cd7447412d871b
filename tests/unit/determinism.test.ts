import { describe, expect, it } from 'vitest';
import { advance, createState, observe, stateHash } from '../../src/engine';
import { modelOf, scenario } from '../helpers';

const branch = (suffix: string) => [
  { id: `SRC${suffix}`, type: 'source' },
  { id: `M${suffix}`, type: 'machine', processTime: { dist: 'lognormal', mean: '40s', cv: 0.3 } },
  { id: `OUT${suffix}`, type: 'sink' },
];
const wires = (suffix: string): [string, string][] => [
  [`SRC${suffix}`, `M${suffix}`],
  [`M${suffix}`, `OUT${suffix}`],
];

describe('determinism', () => {
  it('the same inputs give the same hash at many ticks', () => {
    const model = modelOf(scenario({ line: { stations: branch('1'), connections: wires('1') } }));
    const a = createState(model, 42);
    const b = createState(model, 42);
    for (let t = 0; t <= 288_000; t += 7_919) {
      advance(a, t);
      advance(b, t);
      expect(stateHash(a)).toBe(stateHash(b));
    }
  });

  it('adding a station elsewhere does not change another station’s random draws', () => {
    const alone = modelOf(scenario({ line: { stations: branch('1'), connections: wires('1') } }));
    const withNeighbour = modelOf(scenario({ line: { stations: [...branch('2'), ...branch('1')], connections: [...wires('2'), ...wires('1')] } }));
    const a = createState(alone, 9);
    const b = createState(withNeighbour, 9);
    advance(a, 100_000);
    advance(b, 100_000);
    const m1a = a.stations[alone.stationIndex.M1!]!;
    const m1b = b.stations[withNeighbour.stationIndex.M1!]!;
    expect(m1b.c.processed).toBe(m1a.c.processed);
    expect(m1b.rng).toEqual(m1a.rng);
    expect(m1b.lastCycleTicks).toBe(m1a.lastCycleTicks);
  });

  it('finite lots run out and starve the line', () => {
    const model = modelOf(
      scenario({
        line: {
          stations: [{ id: 'SRC', type: 'source', lots: [{ id: 'L1', quantity: 10 }, { id: 'L2', quantity: 5 }] }, ...branch('1').slice(1)],
          connections: [['SRC', 'M1'], ['M1', 'OUT1']],
        },
      }),
    );
    const s = createState(model, 1);
    advance(s, 36_000);
    const o = observe(s);
    expect(s.line.released).toBe(15);
    expect(o.stations.find((x) => x.id === 'OUT1')!.good).toBe(15);
    expect(o.stations.find((x) => x.id === 'SRC')!.interlock).toBe('starved');
    expect(o.stations.find((x) => x.id === 'M1')!.interlock).toBe('starved');
    expect(s.log.filter((e) => e.kind === 'lot').map((e) => (e.kind === 'lot' ? e.lot : ''))).toEqual(['L1', 'L2']);
  });

  it('timed arrivals from a source block it while the next station is full', () => {
    const model = modelOf(
      scenario({
        line: {
          stations: [{ id: 'SRC', type: 'source', interarrival: '10s' }, { id: 'M1', type: 'machine', processTime: '60s' }, { id: 'OUT1', type: 'sink' }],
          connections: [['SRC', 'M1'], ['M1', 'OUT1']],
        },
      }),
    );
    const s = createState(model, 1);
    advance(s, 36_000);
    expect(s.line.good).toBeGreaterThanOrEqual(59);
    expect(s.line.released - s.line.good).toBeLessThanOrEqual(2);
    expect(observe(s).stations[0]!.interlock).toBe('blocked');
  });
});
