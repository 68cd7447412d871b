/**
 * Deterministic transcendental functions. Math.log/exp/pow differ in their last bits between
 * V8 and SpiderMonkey (measured in shared/STACK.md), and any difference that feeds simulation
 * state breaks bit-identical replays. These use only + - * / and exact bit manipulation,
 * which IEEE 754 fixes for every engine.
 */
const view = new DataView(new ArrayBuffer(8));

// fdlibm's split of ln 2: the high part has trailing zero bits, so k * LN2_HI is exact.
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const SQRT2 = Math.SQRT2;

/** 2^k for an integer k, built from its bits (exact). */
function pow2(k: number): number {
  if (k > 1023) return Number.POSITIVE_INFINITY;
  if (k < -1022) return pow2(k + 1022) * pow2(-1022);
  view.setUint32(0, (k + 1023) << 20);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

/** Natural logarithm. */
export function dlog(x: number): number {
  if (Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return x;
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54: lift subnormals into the normal range
    e = -54;
  }
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  e += ((hi >>> 20) & 0x7ff) - 1023;
  view.setUint32(0, (hi & 0x800fffff) | 0x3ff00000);
  let m = view.getFloat64(0); // mantissa in [1, 2)
  if (m > SQRT2) {
    m /= 2;
    e += 1;
  }
  // log(m) = 2 atanh(s), s = (m-1)/(m+1), |s| <= 0.1716: twelve odd terms reach 1e-19.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let poly = 1 / 23;
  for (let k = 10; k >= 0; k--) poly = 1 / (2 * k + 1) + s2 * poly;
  return e * LN2_HI + (e * LN2_LO + 2 * s * poly);
}

/** e^x. */
export function dexp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.782712893384) return Number.POSITIVE_INFINITY;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x / LN2_HI);
  const r = x - k * LN2_HI - k * LN2_LO; // |r| <= ln2/2
  // Taylor series in Horner form; 18 terms reach below 1e-19 on |r| <= 0.35.
  let sum = 1;
  for (let n = 18; n >= 1; n--) sum = 1 + (r * sum) / n;
  return sum * pow2(k);
}

/** x^y for x > 0 (and the trivial cases). */
export function dpow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x === 0) return y > 0 ? 0 : Number.POSITIVE_INFINITY;
  if (x < 0) return Number.NaN;
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === 0.5) return Math.sqrt(x);
  return dexp(y * dlog(x));
}
