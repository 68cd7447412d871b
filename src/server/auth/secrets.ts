/**
 * Passwords and tokens. Passwords: scrypt (node:crypto) with a random salt per user, stored as
 * `scrypt$N$r$p$salt$hash` so the cost can rise later without breaking old hashes; compared in
 * constant time. Tokens (sign-in cookies, students' device tokens): 32 random bytes, of which the
 * database keeps only a SHA-256.
 */
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Letters and digits nobody confuses when reading them off a projector (no 0/O, 1/I/L). */
const READABLE = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function readableCode(length: number): string {
  let out = '';
  for (let k = 0; k < length; k++) out += READABLE[randomInt(READABLE.length)];
  return out;
}

/** A one-time password for a new instructor: four groups of four, to be changed at first sign-in. */
export function oneTimePassword(): string {
  return [0, 1, 2, 3].map(() => readableCode(4)).join('-');
}
