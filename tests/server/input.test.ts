import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../src/server/app';
import { instructor, testDatabases, testServerFor } from './harness';

const appDir = mkdtempSync(join(tmpdir(), 'lf-app-'));
writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Learning Factory</title>');
mkdirSync(join(appDir, 'assets'));
writeFileSync(join(appDir, 'assets', 'app.js'), 'export {};');

describe.each(testDatabases())('on %s', (database) => {
  const server = testServerFor({ appDir, database });

  const raw = (payload: string, url = '/api/join', headers: Record<string, string> = {}) => server.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', ...headers } });

  describe('bad input gets a clear refusal, never a crash', () => {
    it('an unknown key is named', async () => {
      const res = await raw(JSON.stringify({ code: 'ABCDEF', displayName: 'Per', admin: true }));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: 'admin: unknown key "admin"', path: 'admin' });
    });

    it('a missing field is named', async () => {
      const res = await raw(JSON.stringify({ code: 'ABCDEF' }));
      expect(res.json()).toEqual({ error: 'displayName: is required', path: 'displayName' });
    });

    it('prototype keys are refused', async () => {
      for (const body of ['{"__proto__": {"admin": true}, "code": "ABCDEF", "displayName": "Per"}', '{"constructor": {"prototype": {"admin": true}}, "code": "ABCDEF", "displayName": "Per"}']) {
        const res = await raw(body);
        expect(res.statusCode, body).toBe(400);
        expect(res.json().error).toMatch(/^bad request/);
      }
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });

    it('broken JSON, a body that is not an object, and control characters in a name', async () => {
      expect((await raw('{"code": "ABCDEF", ')).statusCode).toBe(400);
      expect((await raw('"just a string"')).statusCode).toBe(400);
      expect((await raw('null')).statusCode).toBe(400);
      const ctl = await raw(JSON.stringify({ code: 'ABCDEF', displayName: 'Per\u0000\u001b[31m' }));
      expect(ctl.json()).toEqual({ error: 'displayName: must not contain control characters', path: 'displayName' });
    });

    it(`a body over ${BODY_LIMIT / 1024} kB is refused with 413`, async () => {
      const res = await raw(JSON.stringify({ code: 'ABCDEF', displayName: 'x'.repeat(BODY_LIMIT) }));
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatch(/too large/);
    });

    it('SQL in a name is kept as text', async () => {
      const cookie = await instructor(server, 'Kari');
      const name = "2A'); drop table students; --";
      const made = await server.app.inject({ method: 'POST', url: '/api/classes', payload: { name }, headers: { cookie } });
      expect(made.json().class.name).toBe(name);
      const joined = await raw(JSON.stringify({ code: made.json().class.joinCode, displayName: "Robert'); DROP TABLE students;--" }));
      expect(joined.statusCode).toBe(201);
      expect((await server.db.query('select display_name from students')).map((r) => r.display_name)).toEqual(["Robert'); DROP TABLE students;--"]);
    });

    it('an unknown API address answers 404 in words', async () => {
      const res = await server.app.inject({ method: 'GET', url: '/api/nothing-here?x=1' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: 'no such address: GET /api/nothing-here' });
    });
  });

  describe('the app from the same origin', () => {
    it('serves the built files, and the app for any of its own addresses', async () => {
      for (const url of ['/', '/?library', '/replay/anything']) {
        const res = await server.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toContain('<title>Learning Factory</title>');
      }
      const js = await server.app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(js.statusCode).toBe(200);
      expect(js.headers['content-type']).toMatch(/javascript/);
    });
  });
});
