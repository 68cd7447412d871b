/**
 * Seeded random streams. Each stream is an sfc32 generator (four 32-bit words, passes
 * PractRand) whose state lives inside the simulation state, so snapshots carry it. Streams
 * are derived from the seed and a stable key ("station:M1:process"), so adding a station or a
 * fault never changes another one's draws.
 */
export type RngState = [number, number, number, number];

/** FNV-1a over UTF-16 code units, finished with murmur3's avalanche. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** murmur3's 32-bit finaliser: every input bit flips about half the output bits. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

export function createStream(seed: number, key: string): RngState {
  const next = splitmix32(hashString(key, fmix32(seed >>> 0) ^ 0x811c9dc5));
  // Stored as int32 (`| 0`), not uint32: an array of small integers is kept unboxed by V8 (SMI
  // elements, in Node), one holding any value above 2^31 as doubles, which made every draw ~3x
  // as slow (measured). The generator's arithmetic is mod 2^32, so its output is the same.
  const s: RngState = [next() | 0, next() | 0, next() | 0, next() | 0];
  for (let i = 0; i < 12; i++) nextU32(s);
  return s;
}

export function nextU32(s: RngState): number {
  const a = s[0];
  const b = s[1];
  const c = s[2];
  const d = s[3];
  const t = (((a + b) | 0) + d) | 0;
  s[3] = (d + 1) | 0;
  s[0] = b ^ (b >>> 9);
  s[1] = (c + (c << 3)) | 0;
  s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return t >>> 0;
}

/** Uniform in [0, 1) with 53 random bits. */
export function nextFloat(s: RngState): number {
  const hi = nextU32(s) >>> 5;
  const lo = nextU32(s) >>> 6;
  return (hi * 67108864 + lo) / 9007199254740992;
}

/** Uniform in (0, 1]: safe to take the logarithm of. */
export function nextOpenFloat(s: RngState): number {
  return 1 - nextFloat(s);
}

/**
 * Counter-based noise: a value that depends only on (key, counter), so a sensor reading at
 * any tick can be computed on demand without stepping a generator through idle ticks.
 */
export function noiseU32(key: number, counter: number, lane: number): number {
  const lo = counter >>> 0;
  const hi = Math.floor(counter / 4294967296) >>> 0;
  let h = fmix32(key ^ Math.imul(lane + 1, 0x9e3779b1));
  h = fmix32(h ^ lo);
  h = fmix32((h + Math.imul(hi, 0x85ebca6b)) ^ 0x27d4eb2f);
  return h;
}

/**
 * Approximately standard-normal noise (Irwin-Hall of four uniforms, rescaled). Bounded to
 * ±3.46 sigma, which suits sensor noise and needs no transcendental function.
 */
export function noiseNormal(key: number, counter: number): number {
  let sum = 0;
  for (let lane = 0; lane < 4; lane++) sum += noiseU32(key, counter, lane) / 4294967296;
  return (sum - 2) * 1.7320508075688772;
}

/** Uniform [0,1) noise from (key, counter). */
export function noiseUniform(key: number, counter: number): number {
  return noiseU32(key, counter, 7) / 4294967296;
}
