import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_VERSION } from '../../src/assessment';
import type { RunEvent } from '../../src/session/school-api';
import { loadSessionText, type SessionFile } from '../../src/session/session-file';
import { buildServer } from '../../src/server/app';
import { verifierPool } from '../../src/server/verify-pool';
import { scoreSession } from '../../src/session/verify';
import { instructor, testDatabases, testServerFor } from './harness';

const golden = (() => {
  const r = loadSessionText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
  if (!r.ok) throw new Error('golden session');
  return r.session;
})();

/** A recorded run as the app streams it: commands and checkpoints in tick order, then the end. */
function eventsOf(s: SessionFile): RunEvent[] {
  const items = [...s.commands.map((c) => ({ tick: c.tick, e: { kind: 'command' as const, command: c } })), ...s.checkpoints.map((c) => ({ tick: c.tick, e: { kind: 'checkpoint' as const, tick: c.tick, hash: c.hash } }))];
  items.sort((a, b) => a.tick - b.tick);
  return [...items.map((x, seq) => ({ seq, ...x.e })), { seq: items.length, kind: 'end' as const, tick: s.endTick }] as RunEvent[];
}

function header(s: SessionFile, clientRunId = 'run-0001-abcdef') {
  return { clientRunId, scenario: s.scenario, scenarioHash: s.scenarioHash, seed: s.seed, engine: s.engine };
}

describe.each(testDatabases())('on %s', (database) => {
  const server = testServerFor({ database });

  const post = (url: string, payload: unknown, token: string) => server.app.inject({ method: 'POST', url, payload: payload as object, headers: { authorization: `Bearer ${token}` } });
  const get = (url: string, token: string) => server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  /** A class and a student in it: the student's device token. */
  async function student(name = 'Per'): Promise<string> {
    const cookie = await instructor(server, `Teacher of ${name}`);
    const cls = (await server.app.inject({ method: 'POST', url: '/api/classes', payload: { name: '2A' }, headers: { cookie } })).json().class;
    return (await server.app.inject({ method: 'POST', url: '/api/join', payload: { code: cls.joinCode, displayName: name } })).json().membership.token;
  }

  async function verdictOf(runId: number, token: string) {
    for (let k = 0; k < 300; k++) {
      const run = (await get(`/api/runs/${runId}`, token)).json().run;
      if (run.verdict.status !== 'pending') return run.verdict;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no verdict');
  }

  describe('a run streamed as it happens', () => {
    it('arrives in batches, is re-simulated by the server and scored by it', async () => {
      const token = await student();
      const started = await post('/api/runs', header(golden), token);
      expect(started.statusCode).toBe(201);
      const { runId } = started.json();
      const events = eventsOf(golden);
      for (let k = 0; k < events.length; k += 7) {
        const ack = await post(`/api/runs/${runId}/events`, { events: events.slice(k, k + 7) }, token);
        expect(ack.statusCode).toBe(200);
        expect(ack.json()).toEqual({ runId, acknowledged: Math.min(k + 7, events.length) - 1, expected: Math.min(k + 7, events.length), gap: false });
      }
      const verdict = await verdictOf(runId, token);
      const expected = scoreSession(golden);
      expect(verdict).toEqual({ status: 'reproduces', score: expected.score, passed: expected.passed, rules: ASSESSMENT_VERSION });
    });

    it('a batch sent again is acknowledged and stored once; a start sent again names the same run', async () => {
      const token = await student();
      const { runId } = (await post('/api/runs', header(golden), token)).json();
      const events = eventsOf(golden).slice(0, 10);
      const first = (await post(`/api/runs/${runId}/events`, { events }, token)).json();
      const again = (await post(`/api/runs/${runId}/events`, { events: events.slice(5) }, token)).json();
      expect(again).toEqual(first);
      const rows = await server.db.query<{ n: number }>('select count(*)::integer as n from run_events where run_id = $1', [runId]);
      expect(rows[0]!.n).toBe(10);
      const restart = await post('/api/runs', header(golden), token);
      expect(restart.statusCode).toBe(200);
      expect(restart.json()).toEqual({ runId, expected: 10 });
    });

    it('a gap is refused with the number to send from, and nothing after it is stored', async () => {
      const token = await student();
      const { runId } = (await post('/api/runs', header(golden), token)).json();
      const events = eventsOf(golden);
      await post(`/api/runs/${runId}/events`, { events: events.slice(0, 4) }, token);
      const gap = await post(`/api/runs/${runId}/events`, { events: events.slice(6, 9) }, token);
      expect(gap.statusCode).toBe(409);
      expect(gap.json()).toMatchObject({ expected: 4, acknowledged: 3, gap: true });
      expect(gap.json().error).toMatch(/send from number 4/);
      const rows = await server.db.query<{ n: number }>('select count(*)::integer as n from run_events where run_id = $1', [runId]);
      expect(rows[0]!.n).toBe(4);
    });

    it('an event number sent again with other content is a conflict, and an ended run takes nothing more', async () => {
      const token = await student();
      const { runId } = (await post('/api/runs', header(golden), token)).json();
      const events = eventsOf(golden);
      await post(`/api/runs/${runId}/events`, { events: events.slice(0, 3) }, token);
      const changed: RunEvent = { seq: 1, kind: 'checkpoint', tick: 5, hash: '0123456789abcdef' };
      expect((await post(`/api/runs/${runId}/events`, { events: [changed] }, token)).statusCode).toBe(409);
      for (let k = 3; k < events.length; k += 50) await post(`/api/runs/${runId}/events`, { events: events.slice(k, k + 50) }, token);
      const late = await post(`/api/runs/${runId}/events`, { events: [{ seq: events.length, kind: 'end', tick: golden.endTick + 10 }] }, token);
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toMatch(/has ended/);
    });

    it('a log that was tampered with does not reproduce: the server says where it diverges', async () => {
      const token = await student();
      const { runId } = (await post('/api/runs', header(golden), token)).json();
      const events = eventsOf(golden).map((e) => (e.kind === 'command' && e.command.type === 'ackAlarm' ? { ...e, command: { ...e.command, tick: e.command.tick + 1 } } : e));
      for (let k = 0; k < events.length; k += 100) await post(`/api/runs/${runId}/events`, { events: events.slice(k, k + 100) }, token);
      const verdict = await verdictOf(runId, token);
      expect(verdict).toMatchObject({ status: 'diverges' });
      expect(verdict.firstDivergentTick).toBeGreaterThan(0);
    });

    it('stores every event exactly as sent, and refuses in words what the database could not store', async () => {
      const token = await student();
      const { runId } = (await post('/api/runs', header(golden), token)).json();
      // Ids as a scenario allows them, with the characters it allows besides letters and digits.
      const odd = ['M1.x-y_z', 'a.b-c', 'Q', 'x'.repeat(40)];
      const events = odd.map((station, seq) => ({ seq, kind: 'command', command: { type: 'lockOut', tick: seq * 10, station } }));
      expect((await post(`/api/runs/${runId}/events`, { events }, token)).statusCode).toBe(200);
      const rows = await server.db.query<{ seq: number; tick: number; body: unknown }>('select seq, tick, body from run_events where run_id = $1 order by seq', [runId]);
      expect(rows).toEqual(events.map((e) => ({ seq: e.seq, tick: e.command.tick, body: e.command })));
      for (const station of ['M1 "quoted" \\ {a,b}', 'NUL\u0000', "it's; drop table runs"]) {
        const res = await post(`/api/runs/${runId}/events`, { events: [{ seq: 4, kind: 'command', command: { type: 'lockOut', tick: 50, station } }] }, token);
        expect(res.statusCode, station).toBe(400);
        expect(res.json().path).toBe('events[0].command.station');
      }
      // Free text with a NUL (PostgreSQL cannot store it): refused with its path, not a server error.
      const scenario = { ...golden.scenario, title: 'Breakdown\u0000' };
      const nul = await post('/api/runs', { ...header(golden, 'run-0009-abcdef'), scenario }, token);
      expect(nul.statusCode).toBe(400);
      expect(nul.json()).toEqual({ error: 'scenario.title: must not contain the NUL character (\\u0000)', path: 'scenario.title' });
    });
  });

  describe('a run judged by earlier rules', () => {
    it('is judged again by today’s when the server starts; one judged by today’s is left alone', async () => {
      const token = await student();
      const runs: number[] = [];
      for (let k = 0; k < 2; k++) {
        const { runId } = (await post('/api/runs', header(golden, `run-000${k}-abcdef`), token)).json();
        expect((await post(`/api/runs/${runId}/events`, { events: eventsOf(golden) }, token)).statusCode).toBe(200);
        expect(await verdictOf(runId, token)).toMatchObject({ status: 'reproduces', rules: ASSESSMENT_VERSION });
        runs.push(runId);
      }
      const [old, current] = runs as [number, number];
      // The first as a server before the rules had a number kept it: another score, no number.
      await server.db.query(`update runs set verdict = '{"status": "reproduces", "score": 100, "passed": true}' where id = $1`, [old]);
      // The second with today's number, and a score only a second judging would change.
      await server.db.query(`update runs set verdict = jsonb_set(verdict, '{score}', '42') where id = $1`, [current]);
      const verifier = verifierPool(1);
      const again = await buildServer({ db: server.db, verifier });
      try {
        await again.ready();
        const expected = scoreSession(golden);
        for (let k = 0; k < 300; k++) {
          if ((await get(`/api/runs/${old}`, token)).json().run.verdict.rules === ASSESSMENT_VERSION) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect((await get(`/api/runs/${old}`, token)).json().run.verdict).toEqual({ status: 'reproduces', score: expected.score, passed: expected.passed, rules: ASSESSMENT_VERSION });
        expect((await get(`/api/runs/${current}`, token)).json().run.verdict.score).toBe(42);
      } finally {
        await again.close();
        await verifier.close();
      }
    });
  });

  describe('a run that ended without its verdict', () => {
    it('gets it when its end is sent again, and when the server starts again', async () => {
      const token = await student();
      const { runId } = (await post('/api/runs', header(golden), token)).json();
      const events = eventsOf(golden);
      expect((await post(`/api/runs/${runId}/events`, { events }, token)).statusCode).toBe(200);
      expect(await verdictOf(runId, token)).toMatchObject({ status: 'reproduces' });
      // As if the server had stopped between the commit of the end and the verdict.
      const forget = () => server.db.query(`update runs set verdict = '{"status": "pending"}', assessment = null where id = $1`, [runId]);
      await forget();
      // The app never got the answer to its last batch: it sends the end again.
      expect((await post(`/api/runs/${runId}/events`, { events: events.slice(-2) }, token)).statusCode).toBe(200);
      expect(await verdictOf(runId, token)).toMatchObject({ status: 'reproduces' });
      await forget();
      const verifier = verifierPool(1);
      const again = await buildServer({ db: server.db, verifier });
      try {
        await again.ready();
        expect(await verdictOf(runId, token)).toMatchObject({ status: 'reproduces', score: scoreSession(golden).score });
      } finally {
        await again.close();
        await verifier.close();
      }
    });
  });

  describe('whose run it is', () => {
    it('another student’s run is a 403, a run that does not exist a 404, no token a 401, a closed class takes no new run', async () => {
      const per = await student('Per');
      const kari = await student('Kari');
      const { runId } = (await post('/api/runs', header(golden), per)).json();
      expect((await get(`/api/runs/${runId}`, kari)).statusCode).toBe(403);
      expect((await post(`/api/runs/${runId}/events`, { events: eventsOf(golden).slice(0, 2) }, kari)).statusCode).toBe(403);
      expect((await get(`/api/runs/${runId + 1000}`, kari)).statusCode).toBe(404);
      expect((await post(`/api/runs/${runId + 1000}/events`, { events: eventsOf(golden).slice(0, 2) }, kari)).statusCode).toBe(404);
      const stored = await server.db.query<{ n: number }>('select count(*)::integer as n from run_events');
      expect(stored[0]!.n).toBe(0);
      expect((await server.app.inject({ method: 'GET', url: `/api/runs/${runId}` })).statusCode).toBe(401);
      await server.db.query('update classes set open = false');
      const closed = await post('/api/runs', header(golden, 'run-0002-abcdef'), per);
      expect(closed.statusCode).toBe(403);
    });

    it('a run from another engine version is refused in words; a score sent along is refused, never stored', async () => {
      const token = await student();
      const other = await post('/api/runs', { ...header(golden), engine: golden.engine + 1 }, token);
      expect(other.statusCode).toBe(400);
      expect(other.json().path).toBe('engine');
      expect(other.json().error).toMatch(/made with engine version \d+, and this school server re-simulates with version \d+/);
      const forged = await post('/api/runs', { ...header(golden), score: 100, passed: true }, token);
      expect(forged.statusCode).toBe(400);
      expect(forged.json().error).toBe('score: unknown key "score"');
      const { runId } = (await post('/api/runs', header(golden), token)).json();
      const events = eventsOf(golden);
      const withScore = await post(`/api/runs/${runId}/events`, { events, assessment: { score: 100 } }, token);
      expect(withScore.statusCode).toBe(400);
      expect(withScore.json().path).toBe('assessment');
      await post(`/api/runs/${runId}/events`, { events }, token);
      // Only the server's own judgement is kept.
      expect(await verdictOf(runId, token)).toMatchObject({ status: 'reproduces', score: scoreSession(golden).score });
    });

    it('a scenario edited after the run began is refused at the start, naming the field', async () => {
      const token = await student();
      const edited = { ...header(golden), scenario: { ...golden.scenario, seed: 99 } };
      const res = await post('/api/runs', edited, token);
      expect(res.statusCode).toBe(400);
      expect(res.json().path).toBe('scenarioHash');
    });
  });
});
