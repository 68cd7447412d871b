import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliver, type Fetch, httpLink, joinClass, runEvents, SchoolError, serverBase } from '../../src/session/school-client';
import { loadSessionText, type SessionFile } from '../../src/session/session-file';
import { scoreSession } from '../../src/session/verify';
import { instructor, startTestServer, type TestServer } from './harness';

const golden = (() => {
  const r = loadSessionText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
  if (!r.ok) throw new Error('golden session');
  return r.session;
})();

/** The run as the app holds it at `tick`: commands and periodic checkpoints so far. */
function sofar(s: SessionFile, tick: number) {
  return { commands: s.commands.filter((c) => c.tick <= tick), periodic: s.checkpoints.slice(0, -1).filter((c) => c.tick <= tick) };
}
const header = { clientRunId: 'browser-run-0001', scenario: golden.scenario, scenarioHash: golden.scenarioHash, seed: golden.seed, engine: golden.engine };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());
beforeEach(() => server.reset());

/** fetch, answered by the server in this process (no port), as a browser on another origin would see it. */
const viaServer: Fetch = async (url, init) => {
  const u = new URL(url);
  const res = await server.app.inject({ method: init.method as 'GET' | 'POST', url: u.pathname + u.search, headers: init.headers as Record<string, string>, ...(init.body ? { payload: init.body as string } : {}) });
  return new Response(res.body, { status: res.statusCode, headers: res.headers as Record<string, string> });
};
const offline: Fetch = () => Promise.reject(new TypeError('Failed to fetch'));

async function joined(): Promise<{ base: string; token: string }> {
  const cookie = await instructor(server, 'Kari');
  const cls = (await server.app.inject({ method: 'POST', url: '/api/classes', payload: { name: '2A' }, headers: { cookie } })).json().class;
  const { base, membership } = await joinClass(viaServer, 'school.local:8080/', cls.joinCode.toLowerCase(), 'Per');
  return { base, token: membership.token };
}

describe('the order runs are sent in', () => {
  it('only grows at its end as the run goes on: a number once sent names the same event', () => {
    const full = runEvents(golden.commands, golden.checkpoints.slice(0, -1), golden.checkpoints.at(-1)!);
    expect(full.at(-1)).toEqual({ seq: full.length - 1, kind: 'end', tick: golden.endTick });
    for (let tick = 0; tick <= golden.endTick; tick += 97) {
      const { commands, periodic } = sofar(golden, tick);
      const part = runEvents(commands, periodic, null);
      expect(part, `at tick ${tick}`).toEqual(full.slice(0, part.length));
    }
  });

  it('reads a school address as a student types it', () => {
    expect(serverBase('school.local:8080/')).toBe('http://school.local:8080');
    expect(serverBase(' https://lf.skole.no ')).toBe('https://lf.skole.no');
  });
});

describe('delivery', () => {
  it('sends a run as it grows, survives the server being unreachable, and finishes with the server’s own verdict', async () => {
    const { base, token } = await joined();
    expect(base).toBe('http://school.local:8080');
    const half = sofar(golden, Math.floor(golden.endTick / 2));
    let at = await deliver(httpLink(viaServer, base, token), header, runEvents(half.commands, half.periodic, null), { serverRunId: null, expected: 0 });
    expect(at.serverRunId).not.toBeNull();
    expect(at.expected).toBe(half.commands.length + half.periodic.length);
    // The network is gone: nothing is lost, the next attempt starts where the server is.
    const all = runEvents(golden.commands, golden.checkpoints.slice(0, -1), golden.checkpoints.at(-1)!);
    await expect(deliver(httpLink(offline, base, token), header, all, at)).rejects.toMatchObject({ status: null });
    at = await deliver(httpLink(viaServer, base, token), header, all, at);
    expect(at.expected).toBe(all.length);
    let verdict = { status: 'pending' } as { status: string; score?: number };
    for (let k = 0; k < 200 && verdict.status === 'pending'; k++) {
      await new Promise((r) => setTimeout(r, 100));
      verdict = (await server.app.inject({ method: 'GET', url: `/api/runs/${at.serverRunId}`, headers: { authorization: `Bearer ${token}` } })).json().run.verdict;
    }
    expect(verdict).toMatchObject({ status: 'reproduces', score: scoreSession(golden).score });
  });

  it('a browser that lost track of what it sent is put right by the server (gap, or start again)', async () => {
    const { base, token } = await joined();
    const all = runEvents(golden.commands, golden.checkpoints.slice(0, -1), golden.checkpoints.at(-1)!);
    const first = await deliver(httpLink(viaServer, base, token), header, all.slice(0, 5), { serverRunId: null, expected: 0 });
    // It believes 20 went through: the server asks for 5 again.
    const resumed = await deliver(httpLink(viaServer, base, token), header, all, { serverRunId: first.serverRunId, expected: 20 });
    expect(resumed.expected).toBe(all.length);
    // It forgot the run entirely: the start names the same run and delivery goes on from there.
    const again = await deliver(httpLink(viaServer, base, token), header, all, { serverRunId: null, expected: 0 });
    expect(again).toEqual(resumed);
  });

  it('a refusal comes back in the server’s words', async () => {
    await expect(joinClass(viaServer, 'school.local', 'ZZZZZZ', 'Per')).rejects.toThrow(SchoolError);
    await expect(joinClass(viaServer, 'school.local', 'ZZZZZZ', 'Per')).rejects.toThrow(/no class has this code/);
    await expect(joinClass(offline, 'school.local', 'ABCDEF', 'Per')).rejects.toThrow('cannot reach the school server at http://school.local');
  });

  it('answers a student’s app from another origin (CORS), but not the instructor routes', async () => {
    const pre = await server.app.inject({ method: 'OPTIONS', url: '/api/join', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    expect(pre.headers['access-control-allow-headers']).toContain('authorization');
    const instructorRoute = await server.app.inject({ method: 'GET', url: '/api/classes', headers: { origin: 'http://localhost:5173' } });
    expect(instructorRoute.headers['access-control-allow-origin']).toBeUndefined();
  });
});
