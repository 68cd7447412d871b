import { dexp, dlog, dpow } from './dmath';
import { nextFloat, nextOpenFloat, type RngState } from './rng';

/** A probability distribution of a quantity (in the engine: seconds, before conversion to ticks). */
export type Distribution =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'exponential'; readonly mean: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  /** DOMAIN §6: from mean m and coefficient of variation c, sigma^2 = ln(1+c^2), mu = ln m - sigma^2/2. */
  | { readonly kind: 'lognormal'; readonly mean: number; readonly cv: number }
  | { readonly kind: 'weibull'; readonly shape: number; readonly scale: number }
  | { readonly kind: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly kind: 'empirical'; readonly values: readonly number[]; readonly weights: readonly number[] };

/** Standard normal by Marsaglia's polar method (needs only log and sqrt). */
export function sampleStandardNormal(rng: RngState): number {
  for (;;) {
    const u = 2 * nextFloat(rng) - 1;
    const v = 2 * nextFloat(rng) - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * dlog(s)) / s);
  }
}

export function sample(d: Distribution, rng: RngState): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + (d.max - d.min) * nextFloat(rng);
    case 'exponential':
      return -d.mean * dlog(nextOpenFloat(rng));
    case 'normal':
      return d.mean + d.sd * sampleStandardNormal(rng);
    case 'lognormal': {
      const s2 = dlog(1 + d.cv * d.cv);
      const mu = dlog(d.mean) - s2 / 2;
      return dexp(mu + Math.sqrt(s2) * sampleStandardNormal(rng));
    }
    case 'weibull':
      return d.scale * dpow(-dlog(nextOpenFloat(rng)), 1 / d.shape);
    case 'triangular': {
      const u = nextFloat(rng);
      const span = d.max - d.min;
      if (span <= 0) return d.min;
      const f = (d.mode - d.min) / span;
      return u < f
        ? d.min + Math.sqrt(u * span * (d.mode - d.min))
        : d.max - Math.sqrt((1 - u) * span * (d.max - d.mode));
    }
    case 'empirical': {
      let total = 0;
      for (const w of d.weights) total += w;
      let u = nextFloat(rng) * total;
      for (let i = 0; i < d.values.length; i++) {
        u -= d.weights[i] ?? 0;
        if (u < 0) return d.values[i] ?? 0;
      }
      return d.values[d.values.length - 1] ?? 0;
    }
  }
}

/** The distribution's mean: used for nameplate figures and for sanity checks in tests. */
export function mean(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'exponential':
    case 'normal':
    case 'lognormal':
      return d.mean;
    case 'weibull':
      return d.scale * gammaOnePlus(1 / d.shape);
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'empirical': {
      let total = 0;
      let sum = 0;
      d.values.forEach((v, i) => {
        const w = d.weights[i] ?? 0;
        total += w;
        sum += v * w;
      });
      return total > 0 ? sum / total : 0;
    }
  }
}

/** The smallest value the distribution can take (the nameplate, "ideal" time for a process). */
export function minimum(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
    case 'triangular':
      return d.min;
    case 'empirical':
      return Math.min(...d.values);
    default:
      return mean(d);
  }
}

/** Standard normal quantile at 99.9 %: one healthy draw in a thousand lies above it. */
const Z_999 = 3.0902;
/** ln(1000): the exponential's 99.9 % quantile in means. */
const LN_1000 = 6.9078;

/**
 * The longest value a draw takes but once in a thousand (the bound itself where there is one):
 * the top of a healthy machine's normal band for its cycle time. A band drawn at the ideal time
 * plus a margin flagged half the cycles of a triangular 40/45/55 s mill with nothing wrong.
 */
export function usualMaximum(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
    case 'triangular':
      return d.max;
    case 'empirical':
      return Math.max(...d.values);
    case 'normal':
      return d.mean + Z_999 * d.sd;
    case 'exponential':
      return d.mean * LN_1000;
    case 'lognormal': {
      const s2 = dlog(1 + d.cv * d.cv);
      return dexp(dlog(d.mean) - s2 / 2 + Z_999 * Math.sqrt(s2));
    }
    case 'weibull':
      return d.scale * dpow(LN_1000, 1 / d.shape);
  }
}

/** Gamma(1 + x) by Lanczos (g = 7); only for reporting means, never for state. */
function gammaOnePlus(x: number): number {
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  const z = x;
  let a = c[0] ?? 1;
  const t = z + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += (c[i] ?? 0) / (z + i);
  return Math.sqrt(2 * Math.PI) * dpow(t, z + 0.5) * dexp(-t) * a;
}
