import { describe, expect, it } from 'vitest';
import { addInstructor, LOCK_MS, MAX_FAILED_SIGN_INS } from '../../src/server/accounts';
import { verifyPassword, hashPassword } from '../../src/server/auth/secrets';
import { MIGRATIONS, migrate } from '../../src/server/db/migrations';
import { cookieFrom, instructor, testDatabases, testServerFor } from './harness';

describe.each(testDatabases())('on %s', (database) => {
  const server = testServerFor({ database });

  const post = (url: string, payload: unknown, cookie?: string) => server.app.inject({ method: 'POST', url, payload: payload as object, headers: cookie ? { cookie } : {} });
  const get = (url: string, cookie?: string) => server.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  describe('schema', () => {
    it('is migrated once: a second run changes nothing', async () => {
      expect(await migrate(server.db)).toEqual([]);
      const rows = await server.db.query<{ version: number }>('select version from schema_migrations order by version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    });
  });

  describe('passwords', () => {
    it('are salted scrypt hashes that verify only the right password', async () => {
      const a = await hashPassword('correct horse battery');
      const b = await hashPassword('correct horse battery');
      expect(a).not.toBe(b);
      expect(a.startsWith('scrypt$16384$8$1$')).toBe(true);
      expect(await verifyPassword('correct horse battery', a)).toBe(true);
      expect(await verifyPassword('correct horse batterz', a)).toBe(false);
      expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
    });
  });

  describe('first run', () => {
    it('creates the first instructor once, signed in; afterwards it is refused', async () => {
      expect((await get('/api/setup')).json()).toEqual({ needed: true });
      const made = await post('/api/setup', { name: 'Kari Nordmann', password: 'a long password' });
      expect(made.statusCode).toBe(201);
      const cookie = cookieFrom(made);
      expect(made.headers['set-cookie']).toMatch(/HttpOnly; SameSite=Strict/);
      expect((await get('/api/me', cookie)).json().instructor).toMatchObject({ name: 'Kari Nordmann', mustChangePassword: false });
      expect((await get('/api/setup')).json()).toEqual({ needed: false });
      const again = await post('/api/setup', { name: 'Mallory', password: 'another long one' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatch(/set up already/);
    });

    it('asks for a password of at least ten characters, naming the field', async () => {
      const res = await post('/api/setup', { name: 'Kari', password: 'short' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: 'password: must be at least 10 characters', path: 'password' });
    });
  });

  describe('sign-in', () => {
    it('answers a wrong name and a wrong password alike', async () => {
      await addInstructor(server.db, 'Ola', 'the right password', false);
      const wrongName = await post('/api/sign-in', { name: 'Olga', password: 'the right password' });
      const wrongPassword = await post('/api/sign-in', { name: 'Ola', password: 'the wrong password' });
      expect(wrongName.statusCode).toBe(401);
      expect(wrongPassword.statusCode).toBe(401);
      expect(wrongName.json()).toEqual(wrongPassword.json());
    });

    it(`locks an account for ${LOCK_MS / 60000} minutes after ${MAX_FAILED_SIGN_INS} wrong passwords, even against the right one`, async () => {
      await addInstructor(server.db, 'Ola', 'the right password', false);
      for (let k = 1; k < MAX_FAILED_SIGN_INS; k++) expect((await post('/api/sign-in', { name: 'Ola', password: `wrong ${k}` })).statusCode).toBe(401);
      const locking = await post('/api/sign-in', { name: 'Ola', password: 'wrong again' });
      expect(locking.statusCode).toBe(429);
      expect(locking.json().error).toMatch(/locked for 15 more minutes/);
      expect((await post('/api/sign-in', { name: 'Ola', password: 'the right password' })).statusCode).toBe(429);
      server.clock.now = new Date(server.clock.now.getTime() + LOCK_MS - 60_000);
      expect((await post('/api/sign-in', { name: 'Ola', password: 'the right password' })).json().error).toMatch(/locked for 1 more minute$/);
      server.clock.now = new Date(server.clock.now.getTime() + 61_000);
      expect((await post('/api/sign-in', { name: 'Ola', password: 'the right password' })).statusCode).toBe(200);
    });

    it('limits sign-in attempts from one address, whatever the name', async () => {
      const codes: number[] = [];
      for (let k = 0; k < 12; k++) codes.push((await post('/api/sign-in', { name: `user${k}`, password: 'some password' })).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(codes.slice(10)).toEqual([429, 429]);
    });

    it('ends with sign-out, and after the school day', async () => {
      const cookie = await instructor(server, 'Ola');
      expect((await get('/api/me', cookie)).statusCode).toBe(200);
      expect((await post('/api/sign-out', {}, cookie)).statusCode).toBe(200);
      expect((await get('/api/me', cookie)).statusCode).toBe(401);
      const next = await instructor(server, 'Kari');
      server.clock.now = new Date(server.clock.now.getTime() + 12 * 3600_000 + 1000);
      expect((await get('/api/me', next)).statusCode).toBe(401);
    });

    it('keeps no usable token in the database (only hashes)', async () => {
      const cookie = await instructor(server, 'Ola');
      const token = decodeURIComponent(cookie.split('=')[1]!);
      const rows = await server.db.query<{ token_hash: string }>('select token_hash from instructor_sessions');
      expect(rows).toHaveLength(1);
      expect(rows[0]!.token_hash).not.toContain(token);
    });
  });

  describe('password change', () => {
    it('is asked of a one-time password, checks the current one and ends the other sign-ins', async () => {
      await addInstructor(server.db, 'Ola', 'one-time-pass', true);
      const signIn = () => post('/api/sign-in', { name: 'Ola', password: 'one-time-pass' });
      const first = await signIn();
      expect(first.json().instructor.mustChangePassword).toBe(true);
      const here = cookieFrom(first);
      const elsewhere = cookieFrom(await signIn());
      expect((await post('/api/password', { current: 'not it at all', next: 'my own password' }, here)).statusCode).toBe(403);
      expect((await post('/api/password', { current: 'one-time-pass', next: 'short' }, here)).json().path).toBe('next');
      expect((await post('/api/password', { current: 'one-time-pass', next: 'my own password' }, here)).statusCode).toBe(200);
      expect((await get('/api/me', here)).json().instructor.mustChangePassword).toBe(false);
      expect((await get('/api/me', elsewhere)).statusCode).toBe(401);
      expect((await post('/api/sign-in', { name: 'Ola', password: 'my own password' })).statusCode).toBe(200);
    });
  });
});
