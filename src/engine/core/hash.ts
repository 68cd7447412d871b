import { fmix32 } from './rng';

/**
 * A 64-bit hash of a string, as 16 hex digits: two independent 32-bit lanes (FNV-1a and a
 * multiply-rotate lane), each finished with murmur3's avalanche. Not cryptographic; it detects
 * divergence between replays, where a collision chance of 2^-64 is plenty.
 */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a = fmix32(a ^ text.length);
  b = fmix32(b ^ Math.imul(text.length, 0x27d4eb2f) ^ a);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
