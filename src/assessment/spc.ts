/**
 * SPC for individual measurements (DOMAIN §5): I-MR limits, x̄ ± 2.66·MR̄, and the Western
 * Electric rules plus Nelson's trend rule. Limits come from a baseline of the first points,
 * as a chart set up on a capable process would have them.
 */
export interface Limits {
  readonly centre: number;
  readonly sigma: number;
  readonly ucl: number;
  readonly lcl: number;
  readonly mrBar: number;
  readonly mrUcl: number;
}

export type Rule = 'rule1' | 'rule2' | 'rule3' | 'rule4' | 'trend';

export interface Violation {
  readonly index: number;
  readonly rule: Rule;
}

export function imrLimits(xs: readonly number[]): Limits | null {
  if (xs.length < 2) return null;
  const centre = xs.reduce((a, b) => a + b, 0) / xs.length;
  let mr = 0;
  for (let i = 1; i < xs.length; i++) mr += Math.abs(xs[i]! - xs[i - 1]!);
  const mrBar = mr / (xs.length - 1);
  const sigma = mrBar / 1.128; // d2 for n = 2
  return { centre, sigma, ucl: centre + 2.66 * mrBar, lcl: centre - 2.66 * mrBar, mrBar, mrUcl: 3.267 * mrBar };
}

/** Each rule reported once, at the point that completes its pattern. */
export function violations(xs: readonly number[], l: Limits): Violation[] {
  const out: Violation[] = [];
  const z = xs.map((x) => (l.sigma > 0 ? (x - l.centre) / l.sigma : 0));
  for (let i = 0; i < z.length; i++) {
    const zi = z[i]!;
    if (Math.abs(zi) > 3) out.push({ index: i, rule: 'rule1' });
    for (const side of [1, -1]) {
      const beyond = (k: number, from: number, n: number) => {
        let c = 0;
        for (let j = Math.max(0, i - n + 1); j <= i; j++) if (side * z[j]! > k) c++;
        return i - n + 1 >= from && c;
      };
      if (side * zi > 2 && (beyond(2, 0, 3) as number) >= 2) out.push({ index: i, rule: 'rule2' });
      if (side * zi > 1 && (beyond(1, 0, 5) as number) >= 4) out.push({ index: i, rule: 'rule3' });
      if (i >= 7 && z.slice(i - 7, i + 1).every((v) => side * v > 0)) out.push({ index: i, rule: 'rule4' });
    }
    if (i >= 6) {
      const w = xs.slice(i - 6, i + 1);
      let up = true;
      let down = true;
      for (let j = 1; j < w.length; j++) {
        if (!(w[j]! > w[j - 1]!)) up = false;
        if (!(w[j]! < w[j - 1]!)) down = false;
      }
      if (up || down) out.push({ index: i, rule: 'trend' });
    }
  }
  return out;
}

/** Moving ranges |x[i] − x[i−1]|; the first point has none. */
export function movingRanges(xs: readonly number[]): (number | null)[] {
  return xs.map((x, i) => (i === 0 ? null : Math.abs(x - xs[i - 1]!)));
}

/**
 * Where the rules start again: the first point measured after the last intervention (a tool
 * change, a recalibration), or 0 when there was none in view. Points before it keep their
 * history on the chart but no longer count towards a run of the rules.
 */
export function afterIntervention(ticks: readonly number[], intervention: number): number {
  if (intervention < 0) return 0;
  const k = ticks.findIndex((t) => t > intervention);
  return k < 0 ? ticks.length : k;
}
