import { describe, expect, it } from 'vitest';
import { type Distribution, mean, sample } from '../../src/engine/core/distributions';
import { createStream, hashString, nextFloat, nextU32, noiseNormal } from '../../src/engine/core/rng';

function stats(xs: number[]) {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) * (b - m), 0) / (xs.length - 1);
  return { mean: m, sd: Math.sqrt(v) };
}

describe('seeded random streams', () => {
  it('are reproducible from (seed, key) and differ between keys and seeds', () => {
    const a = createStream(7, 'station:M1:process');
    const b = createStream(7, 'station:M1:process');
    const c = createStream(7, 'station:M2:process');
    const d = createStream(8, 'station:M1:process');
    const seqA = Array.from({ length: 5 }, () => nextU32(a));
    expect(Array.from({ length: 5 }, () => nextU32(b))).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => nextU32(c))).not.toEqual(seqA);
    expect(Array.from({ length: 5 }, () => nextU32(d))).not.toEqual(seqA);
  });

  it('pins the first draws of a stream (a changed generator would break every golden replay)', () => {
    const s = createStream(1, 'x');
    expect([nextU32(s), nextU32(s), nextU32(s)]).toEqual([1801901923, 1220950277, 626704305]);
    expect(hashString('M1')).toBe(hashString('M1'));
  });

  it('gives uniform floats in [0,1) with the right moments', () => {
    const s = createStream(3, 'uniform');
    const xs = Array.from({ length: 100_000 }, () => nextFloat(s));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const { mean: m, sd } = stats(xs);
    expect(m).toBeCloseTo(0.5, 2);
    expect(sd).toBeCloseTo(Math.sqrt(1 / 12), 2);
  });

  it('counter-based noise is a pure function of (key, counter), roughly standard normal', () => {
    expect(noiseNormal(42, 1000)).toBe(noiseNormal(42, 1000));
    const xs = Array.from({ length: 50_000 }, (_, t) => noiseNormal(99, t));
    const { mean: m, sd } = stats(xs);
    expect(Math.abs(m)).toBeLessThan(0.02);
    expect(sd).toBeCloseTo(1, 1);
  });
});

describe('distributions', () => {
  const cases: [string, Distribution, number, number | null][] = [
    ['fixed', { kind: 'fixed', value: 50 }, 50, 0],
    ['uniform', { kind: 'uniform', min: 10, max: 20 }, 15, Math.sqrt(100 / 12)],
    ['exponential', { kind: 'exponential', mean: 300 }, 300, 300],
    ['normal', { kind: 'normal', mean: 45, sd: 3 }, 45, 3],
    ['lognormal', { kind: 'lognormal', mean: 600, cv: 0.5 }, 600, 300],
    ['weibull', { kind: 'weibull', shape: 2, scale: 1000 }, 886.2269, 463.2],
    ['triangular', { kind: 'triangular', min: 40, mode: 45, max: 55 }, 140 / 3, Math.sqrt((40 * 40 + 45 * 45 + 55 * 55 - 40 * 45 - 40 * 55 - 45 * 55) / 18)],
    ['empirical', { kind: 'empirical', values: [10, 20, 40], weights: [1, 2, 1] }, 22.5, null],
  ];
  for (const [name, d, expectedMean, expectedSd] of cases) {
    it(`${name}: sample mean and spread match the distribution`, () => {
      const rng = createStream(11, name);
      const xs = Array.from({ length: 60_000 }, () => sample(d, rng));
      const { mean: m, sd } = stats(xs);
      expect(Math.abs(m - expectedMean) / Math.max(1, expectedMean)).toBeLessThan(0.015);
      expect(Math.abs(mean(d) - expectedMean) / Math.max(1, expectedMean)).toBeLessThan(1e-4);
      if (expectedSd !== null) expect(Math.abs(sd - expectedSd) / Math.max(1, expectedSd)).toBeLessThan(0.03);
    });
  }
});
