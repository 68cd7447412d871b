import { describe, expect, it } from 'vitest';
import { JOINS_PER_MINUTE } from '../../src/server/routes/students';
import { instructor, testDatabases, testServerFor, bearer, type Headers } from './harness';

describe.each(testDatabases())('on %s', (database) => {
  const server = testServerFor({ database });

  const post = (url: string, payload: unknown, headers: Headers = {}) => server.app.inject({ method: 'POST', url, payload: payload as object, headers });
  const get = (url: string, headers: Headers = {}) => server.app.inject({ method: 'GET', url, headers });
  const as = (cookie: string): Headers => ({ cookie });

  async function newClass(cookie: string, name = 'Automation 2A'): Promise<{ id: number; joinCode: string }> {
    const res = await post('/api/classes', { name }, as(cookie));
    expect(res.statusCode).toBe(201);
    return res.json().class;
  }

  describe('classes', () => {
    it('an instructor creates a class with a six-character code nobody misreads, and lists only their own', async () => {
      const kari = await instructor(server, 'Kari');
      const ola = await instructor(server, 'Ola');
      const a = await newClass(kari, 'Automation 2A');
      await newClass(ola, 'Electro 1B');
      expect(a.joinCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
      const listed = (await get('/api/classes', as(kari))).json().classes;
      expect(listed).toEqual([{ id: a.id, name: 'Automation 2A', joinCode: a.joinCode, open: true, students: 0 }]);
    });

    it('another instructor’s class is answered as if it did not exist, on every route', async () => {
      const kari = await instructor(server, 'Kari');
      const ola = await instructor(server, 'Ola');
      const { id } = await newClass(kari);
      const joined = (await post('/api/join', { code: (await get(`/api/classes/${id}`, as(kari))).json().class.joinCode, displayName: 'Per' })).json().membership;
      const routes: [string, string][] = [
        ['GET', `/api/classes/${id}`],
        ['GET', `/api/classes/${id}/students`],
        ['POST', `/api/classes/${id}/close`],
        ['POST', `/api/classes/${id}/open`],
        ['POST', `/api/classes/${id}/join-code`],
        ['POST', `/api/classes/${id}/students/${joined.studentId}/token`],
      ];
      for (const [method, url] of routes) {
        const res = await server.app.inject({ method: method as 'GET' | 'POST', url, headers: as(ola) });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json().error).toBe('no such class among yours');
      }
      // Nothing changed: the class is open and the student's token still works.
      expect((await get(`/api/classes/${id}`, as(kari))).json().class.open).toBe(true);
      expect((await get('/api/student/me', bearer(joined.token))).statusCode).toBe(200);
    });

    it('without a sign-in every instructor route answers 401; a student’s token is known and refused, 403', async () => {
      const kari = await instructor(server, 'Kari');
      const { id, joinCode } = await newClass(kari);
      const student = (await post('/api/join', { code: joinCode, displayName: 'Per' })).json().membership;
      for (const [headers, status] of [
        [{}, 401],
        [{ cookie: 'lf_instructor=forged' }, 401],
        [bearer('not-a-token'), 401],
        [bearer(student.token), 403],
      ] as const) {
        expect((await get('/api/classes', headers)).statusCode).toBe(status);
        expect((await get(`/api/classes/${id}/students`, headers)).statusCode).toBe(status);
        expect((await post('/api/classes', { name: 'Mine now' }, headers)).statusCode).toBe(status);
      }
      const classes = await server.db.query<{ n: number }>('select count(*)::integer as n from classes');
      expect(classes[0]!.n).toBe(1);
    });

    it('ids that are not numbers name nothing', async () => {
      const kari = await instructor(server, 'Kari');
      for (const id of ['abc', '1e3', '-1', '0', "1' or '1'='1", '99999999999'])
        expect((await get(`/api/classes/${encodeURIComponent(id)}`, as(kari))).statusCode, id).toBe(404);
    });
  });

  describe('joining', () => {
    it('a student joins with the code as written on the board, gets a token, and the instructor sees them', async () => {
      const kari = await instructor(server, 'Kari');
      const { id, joinCode } = await newClass(kari);
      const typed = `${joinCode.slice(0, 3).toLowerCase()} - ${joinCode.slice(3)}`;
      const res = await post('/api/join', { code: typed, displayName: '  Per Hansen  ' });
      expect(res.statusCode).toBe(201);
      const m = res.json().membership;
      expect(m).toMatchObject({ classId: id, className: 'Automation 2A', displayName: 'Per Hansen' });
      expect(m.token).toMatch(/^[\w-]{43}$/);
      expect((await get('/api/student/me', bearer(m.token))).json().student).toMatchObject({ id: m.studentId, classId: id, displayName: 'Per Hansen', classOpen: true });
      const students = (await get(`/api/classes/${id}/students`, as(kari))).json().students;
      expect(students.map((s: { displayName: string }) => s.displayName)).toEqual(['Per Hansen']);
      expect((await get(`/api/classes/${id}`, as(kari))).json().class.students).toBe(1);
    });

    it('a closed class takes no one new; reopened it does', async () => {
      const kari = await instructor(server, 'Kari');
      const { id, joinCode } = await newClass(kari);
      expect((await post(`/api/classes/${id}/close`, {}, as(kari))).json().class.open).toBe(false);
      const refused = await post('/api/join', { code: joinCode, displayName: 'Per' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toMatch(/closed/);
      await post(`/api/classes/${id}/open`, {}, as(kari));
      expect((await post('/api/join', { code: joinCode, displayName: 'Per' })).statusCode).toBe(201);
    });

    it('a new code stops the old one; students who joined stay', async () => {
      const kari = await instructor(server, 'Kari');
      const { id, joinCode } = await newClass(kari);
      const per = (await post('/api/join', { code: joinCode, displayName: 'Per' })).json().membership;
      const next = (await post(`/api/classes/${id}/join-code`, {}, as(kari))).json().class.joinCode;
      expect(next).not.toBe(joinCode);
      expect((await post('/api/join', { code: joinCode, displayName: 'Late' })).statusCode).toBe(404);
      expect((await post('/api/join', { code: next, displayName: 'Late' })).statusCode).toBe(201);
      expect((await get('/api/student/me', bearer(per.token))).statusCode).toBe(200);
    });

    it('a lost token is re-issued by the instructor: the new one works, the old one no longer', async () => {
      const kari = await instructor(server, 'Kari');
      const { id, joinCode } = await newClass(kari);
      const per = (await post('/api/join', { code: joinCode, displayName: 'Per' })).json().membership;
      const again = await post(`/api/classes/${id}/students/${per.studentId}/token`, {}, as(kari));
      expect(again.statusCode).toBe(200);
      const fresh = again.json().membership;
      expect(fresh).toMatchObject({ studentId: per.studentId, displayName: 'Per' });
      expect((await get('/api/student/me', bearer(per.token))).statusCode).toBe(401);
      expect((await get('/api/student/me', bearer(fresh.token))).statusCode).toBe(200);
      expect((await post(`/api/classes/${id}/students/9999/token`, {}, as(kari))).statusCode).toBe(404);
    });

    it('an unknown code, and a code that is not one, are told apart in words', async () => {
      const unknown = await post('/api/join', { code: 'ZZZZZZ', displayName: 'Per' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error).toMatch(/no class has this code/);
      const malformed = await post('/api/join', { code: 'AB', displayName: 'Per' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toEqual({ error: 'code: must be the six letters and digits the instructor shows', path: 'code' });
    });

    it('a whole school joining from one address at once gets in; guessing codes from it is cut off', async () => {
      const cookie = await instructor(server, 'Kari');
      const { joinCode } = (await server.app.inject({ method: 'POST', url: '/api/classes', payload: { name: '2A' }, headers: { cookie } })).json().class;
      const answers: number[] = [];
      for (let k = 0; k < JOINS_PER_MINUTE; k++) answers.push((await post('/api/join', { code: k % 2 === 0 ? joinCode : 'ZZZZZZ', displayName: `Student ${k}` })).statusCode);
      expect(answers.filter((s) => s === 201)).toHaveLength(JOINS_PER_MINUTE / 2);
      expect(answers.filter((s) => s === 404)).toHaveLength(JOINS_PER_MINUTE / 2);
      expect((await post('/api/join', { code: joinCode, displayName: 'One more' })).statusCode).toBe(429);
    });
  });
});
