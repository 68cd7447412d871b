import { describe, expect, it } from 'vitest';
import { dexp, dlog, dpow } from '../../src/engine';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('deterministic maths', () => {
  it('dlog agrees with Math.log to about one ulp over many magnitudes', () => {
    for (let e = -300; e <= 300; e += 7) {
      for (const m of [1, 1.1, 1.5, 1.9999, 2.5, 3.3, 7.77]) {
        const x = m * 10 ** e;
        expect(rel(dlog(x), Math.log(x))).toBeLessThan(4e-16);
      }
    }
    expect(dlog(1)).toBe(0);
    expect(dlog(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(Number.isNaN(dlog(-1))).toBe(true);
    expect(rel(dlog(5e-324), Math.log(5e-324))).toBeLessThan(1e-15);
  });

  it('dexp agrees with Math.exp to about one ulp', () => {
    for (let x = -700; x <= 700; x += 3.7) expect(rel(dexp(x), Math.exp(x))).toBeLessThan(8e-16);
    for (let x = -2; x <= 2; x += 0.01) expect(rel(dexp(x), Math.exp(x))).toBeLessThan(4e-16);
    expect(dexp(0)).toBe(1);
    expect(dexp(710)).toBe(Number.POSITIVE_INFINITY);
    expect(dexp(-746)).toBe(0);
  });

  it('dpow matches Math.pow closely and handles the trivial cases exactly', () => {
    for (const [x, y] of [
      [1.1, 100],
      [2, 0.5],
      [0.3, 2.7],
      [123.4, -1.5],
      [1e-5, 0.25],
    ] as const) {
      // biome-ignore lint/style/useExponentiationOperator: the engine-dependent reference is the point of the comparison
      expect(rel(dpow(x, y), Math.pow(x, y))).toBeLessThan(1e-13);
    }
    expect(dpow(7, 0)).toBe(1);
    expect(dpow(0, 3)).toBe(0);
    expect(dpow(9, 0.5)).toBe(3);
  });

  it('gives pinned bit patterns, so a change to the algorithms is caught (replays depend on them)', () => {
    // Values taken from this implementation; Math.pow(1.1, 100) differs between engines, these do not.
    expect(dpow(1.1, 100)).toBe(13780.612339822364);
    expect(dlog(3)).toBe(1.0986122886681098);
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: one ulp above Math.E, pinned on purpose
    expect(dexp(1)).toBe(2.7182818284590455);
    expect(dexp(-0.5)).toBe(0.6065306597126334);
  });
});
