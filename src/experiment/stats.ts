/**
 * Summary statistics of independent replications: the mean and a 95 % confidence interval
 * from Student's t (the quantiles as a table: no transcendental maths, so a figure is the same
 * in every JavaScript engine).
 */

/** t(0.975, df) for df = 1..30; beyond, the normal 1.96 is within 2 %. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export function tQuantile975(df: number): number {
  return df < 1 ? Number.NaN : df <= T975.length ? T975[df - 1]! : 1.96;
}

export interface Estimate {
  readonly mean: number;
  /** Half-width of the 95 % confidence interval (0 with one replication: unknown, not exact). */
  readonly half: number;
  readonly n: number;
}

export function estimate(xs: readonly number[]): Estimate {
  const n = xs.length;
  if (n === 0) return { mean: Number.NaN, half: Number.NaN, n };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, half: 0, n };
  const variance = xs.reduce((a, x) => a + (x - mean) * (x - mean), 0) / (n - 1);
  return { mean, half: (tQuantile975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n), n };
}
