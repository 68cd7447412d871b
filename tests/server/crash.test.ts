/**
 * The server killed outright (SIGKILL) while a student's run streams in, then started again on
 * the same data: everything it acknowledged is still there, the client's next round sends the
 * rest from where the server says, and the run arrives whole — nothing lost, nothing twice —
 * and reproduces. The embedded database here; the same code runs against PostgreSQL.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deliver, type Delivery, httpLink, joinClass, runEvents, SchoolError } from '../../src/session/school-client';
import { streamLink } from '../../src/session/school-stream';
import { loadSessionText } from '../../src/session/session-file';
import { WebSocket } from 'ws';
import { freePort, killGroup, serverProcess } from './processes';

const golden = (() => {
  const r = loadSessionText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
  if (!r.ok) throw new Error('golden session');
  return r.session;
})();

let server: ChildProcess | null = null;
afterEach(() => {
  killGroup(server);
  server = null;
});

async function start(data: string, port: number): Promise<void> {
  server = await serverProcess(data, port);
}

/** A new server on its own data and port, set up with an instructor and a class. */
async function newServerWithClass(): Promise<{ data: string; port: number; base: string; cls: { joinCode: string } }> {
  const data = mkdtempSync(join(tmpdir(), 'lf-crash-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  await start(data, port);
  const setup = await fetch(`${base}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Kari', password: 'a long password' }) });
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
  const cls = ((await (await fetch(`${base}/api/classes`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: '2A' }) })).json()) as { class: { joinCode: string } }).class;
  return { data, port, base, cls };
}

describe('a server that crashes mid-class', () => {
  it('loses nothing it acknowledged; the client delivers the rest; no event is stored twice', async () => {
    const { data, port, base, cls } = await newServerWithClass();
    const { membership } = await joinClass(fetch, base, cls.joinCode, 'Per');
    const header = { clientRunId: 'crash-run-0001', scenario: golden.scenario, scenarioHash: golden.scenarioHash, seed: golden.seed, engine: golden.engine };
    const all = runEvents(golden.commands, golden.checkpoints.slice(0, -1), golden.checkpoints.at(-1)!);

    // Small rounds, as a live run sends them; the server dies after the third.
    let at: Delivery = { serverRunId: null, expected: 0 };
    for (let n = 1; n <= 3; n++) at = await deliver(httpLink(fetch, base, membership.token), header, all.slice(0, n * 5), at);
    expect(at.expected).toBe(15);
    const gone = new Promise((r) => server!.once('exit', r));
    killGroup(server);
    await gone;
    // The client's next round finds nobody: it keeps its records and tries again later.
    await expect(deliver(httpLink(fetch, base, membership.token), header, all, at)).rejects.toBeInstanceOf(SchoolError);

    await start(data, port);
    at = await deliver(httpLink(fetch, base, membership.token), header, all, at);
    expect(at.expected).toBe(all.length);
    let run = { events: 0, verdict: { status: 'pending' } };
    for (let k = 0; k < 200 && run.verdict.status === 'pending'; k++) {
      await new Promise((r) => setTimeout(r, 100));
      run = ((await (await fetch(`${base}/api/runs/${at.serverRunId}`, { headers: { authorization: `Bearer ${membership.token}` } })).json()) as { run: typeof run }).run;
    }
    expect(run.events).toBe(all.length);
    expect(run.verdict.status).toBe('reproduces');
  }, 120_000);

  it('a whole class streaming over its sockets: each run resumes from what was acknowledged and arrives whole', async () => {
    const { data, port, base, cls } = await newServerWithClass();
    const all = runEvents(golden.commands, golden.checkpoints.slice(0, -1), golden.checkpoints.at(-1)!);
    const students = await Promise.all(
      ['Per', 'Ingrid', 'Ola', 'Kari', 'Nils', 'Aisha'].map(async (name, k) => {
        const { membership } = await joinClass(fetch, base, cls.joinCode, name);
        const token = membership.token;
        return { token, link: streamLink(base, token, httpLink(fetch, base, token), (url) => new WebSocket(url)), header: { clientRunId: `class-run-${k}-0001`, scenario: golden.scenario, scenarioHash: golden.scenarioHash, seed: golden.seed, engine: golden.engine }, at: { serverRunId: null, expected: 0 } as Delivery, acked: 0, failures: 0 };
      }),
    );
    let rounds = 0;
    let paused = false;
    // Each student's rounds: three events more each time, a failed round tried again a little later.
    const stream = students.map(async (s) => {
      for (let n = 1; s.at.expected < all.length && n < 400; n++) {
        while (paused) await new Promise((r) => setTimeout(r, 20));
        try {
          s.at = await deliver(s.link, s.header, all.slice(0, Math.min(all.length, s.at.expected + 3)), s.at);
          s.acked = s.at.expected;
          rounds += 1;
        } catch (e) {
          expect(e).toBeInstanceOf(SchoolError);
          s.failures += 1;
          await new Promise((r) => setTimeout(r, 150));
        }
      }
    });
    // Every student has something acknowledged, and the class is well under way.
    while (rounds < students.length * 2 || students.some((s) => s.acked === 0)) await new Promise((r) => setTimeout(r, 20));
    const gone = new Promise((r) => server!.once('exit', r));
    // Who still had events to send when it died (all of them, unless one raced through).
    const sending = students.map((s) => s.at.expected < all.length);
    killGroup(server);
    await gone;
    // Rounds in flight when it died fail, and so does every round sent while it is down: each
    // student still sending feels the crash (waited for, not assumed: under load a student may
    // have had no round in flight at the kill). Then the class waits while it is restarted.
    const felt = () => students.every((s, k) => !sending[k] || s.failures > 0);
    for (let waited = 0; !felt() && waited < 20_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    paused = true;
    await new Promise((r) => setTimeout(r, 500));
    const ackedBefore = students.map((s) => s.acked);
    await start(data, port);
    // Before any client sends again: every event the server had acknowledged is there.
    for (const [k, s] of students.entries()) {
      const res = await fetch(`${base}/api/runs/${s.at.serverRunId}`, { headers: { authorization: `Bearer ${s.token}` } });
      expect(((await res.json()) as { run: { events: number } }).run.events).toBeGreaterThanOrEqual(ackedBefore[k]!);
    }
    paused = false;
    await Promise.all(stream);
    for (const s of students) s.link.close();
    // The crash was felt, and got over: every run whole, nothing twice, each acknowledged event kept.
    expect(sending.filter(Boolean).length).toBeGreaterThan(0);
    expect(students.map((s, k) => !sending[k] || s.failures > 0)).toEqual(students.map(() => true));
    for (const s of students) {
      expect(s.at.expected).toBe(all.length);
      let run = { events: 0, verdict: { status: 'pending' } };
      for (let j = 0; j < 300 && run.verdict.status === 'pending'; j++) {
        await new Promise((r) => setTimeout(r, 100));
        run = ((await (await fetch(`${base}/api/runs/${s.at.serverRunId}`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { run: typeof run }).run;
      }
      expect(run.events).toBe(all.length);
      expect(run.verdict.status).toBe('reproduces');
    }
  }, 180_000);
});
