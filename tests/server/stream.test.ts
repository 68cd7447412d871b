/**
 * The stream (WebSocket /api/stream): the same requests as HTTP, answered alike, in order, with
 * the device token checked on every message; and the app's link, which streams when it can and
 * falls back to HTTP when it cannot, without losing or doubling an event.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { BODY_LIMIT } from '../../src/server/app';
import { MAX_QUEUED } from '../../src/server/routes/stream';
import { STREAM_PATH, type StreamReply } from '../../src/session/school-api';
import { deliver, type Fetch, httpLink, joinClass, runEvents, SchoolError } from '../../src/session/school-client';
import { SOCKET_RETRY_MS, streamLink } from '../../src/session/school-stream';
import { loadSessionText } from '../../src/session/session-file';
import { scoreSession } from '../../src/session/verify';
import { instructor, testDatabases, testServerFor } from './harness';

const golden = (() => {
  const r = loadSessionText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
  if (!r.ok) throw new Error('golden session');
  return r.session;
})();
const all = runEvents(golden.commands, golden.checkpoints.slice(0, -1), golden.checkpoints.at(-1)!);
const header = (clientRunId = 'stream-run-0001') => ({ clientRunId, scenario: golden.scenario, scenarioHash: golden.scenarioHash, seed: golden.seed, engine: golden.engine });

/** A test's side of a socket: send a message, read the replies in order, see how it closed. */
class Client {
  private readonly replies: StreamReply[] = [];
  private readonly waiting: ((r: StreamReply) => void)[] = [];
  closed: { code: number; reason: string } | null = null;
  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const reply = JSON.parse(data.toString()) as StreamReply;
      const w = this.waiting.shift();
      if (w) w(reply);
      else this.replies.push(reply);
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
    });
  }
  next(): Promise<StreamReply> {
    const r = this.replies.shift();
    return r ? Promise.resolve(r) : new Promise((resolve) => this.waiting.push(resolve));
  }
  async ask(message: unknown): Promise<StreamReply> {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
    return this.next();
  }
  async whenClosed(): Promise<{ code: number; reason: string }> {
    for (let k = 0; k < 200 && this.closed === null; k++) await new Promise((r) => setTimeout(r, 10));
    return this.closed!;
  }
}

describe.each(testDatabases())('the stream on %s', (database) => {
  const server = testServerFor({ database });

  async function classWithStudents(...names: string[]): Promise<{ cookie: string; classId: number; tokens: string[]; ids: number[] }> {
    const cookie = await instructor(server, 'Kari');
    const cls = (await server.app.inject({ method: 'POST', url: '/api/classes', payload: { name: '2A' }, headers: { cookie } })).json().class;
    const tokens: string[] = [];
    const ids: number[] = [];
    for (const displayName of names) {
      const m = (await server.app.inject({ method: 'POST', url: '/api/join', payload: { code: cls.joinCode, displayName } })).json().membership;
      tokens.push(m.token);
      ids.push(m.studentId);
    }
    return { cookie, classId: cls.id, tokens, ids };
  }
  const open = async () => new Client(await server.app.injectWS(STREAM_PATH));

  it('carries a whole run: hello, start, batches in order; acknowledged as over HTTP, verified by the server', async () => {
    const { tokens } = await classWithStudents('Per');
    const c = await open();
    expect(await c.ask({ op: 'hello', ref: 1, token: tokens[0] })).toMatchObject({ ref: 1, status: 200 });
    const started = await c.ask({ op: 'start', ref: 2, run: header() });
    expect(started).toMatchObject({ ref: 2, status: 201, body: { expected: 0 } });
    const runId = (started.body as { runId: number }).runId;
    // A start sent again (a reconnect) names the same run.
    expect(await c.ask({ op: 'start', ref: 3, run: header() })).toMatchObject({ body: { runId, expected: 0 } });
    // Several batches sent without waiting: answered in the order sent.
    const refs: number[] = [];
    for (let at = 0, ref = 10; at < all.length; at += 7, ref++) {
      c.socket.send(JSON.stringify({ op: 'events', ref, runId, events: all.slice(at, at + 7) }));
      refs.push(ref);
    }
    const acks: StreamReply[] = [];
    for (const _ of refs) acks.push(await c.next());
    expect(acks.map((a) => a.ref)).toEqual(refs);
    expect(acks.every((a) => a.status === 200)).toBe(true);
    expect(acks.at(-1)!.body).toEqual({ runId, acknowledged: all.length - 1, expected: all.length, gap: false });
    // Sent again (an answer lost on the way): acknowledged, nothing stored twice; nothing new after the end.
    expect(await c.ask({ op: 'events', ref: 98, runId, events: all.slice(0, 5) })).toMatchObject({ status: 200, body: { expected: all.length } });
    const after = { seq: all.length, kind: 'checkpoint', tick: golden.endTick, hash: '0123456789abcdef' };
    expect(await c.ask({ op: 'events', ref: 99, runId, events: [after] })).toMatchObject({ status: 409, body: { error: 'this run has ended: nothing can be added to it' } });
    const stored = await server.db.query<{ n: number }>('select count(*)::integer as n from run_events where run_id = $1', [runId]);
    expect(stored[0]!.n).toBe(all.length);
    let verdict: { status: string; score?: number } = { status: 'pending' };
    for (let k = 0; k < 300 && verdict.status === 'pending'; k++) {
      await new Promise((r) => setTimeout(r, 50));
      verdict = (await server.app.inject({ method: 'GET', url: `/api/runs/${runId}`, headers: { authorization: `Bearer ${tokens[0]}` } })).json().run.verdict;
    }
    expect(verdict).toMatchObject({ status: 'reproduces', score: scoreSession(golden).score });
    c.socket.close();
  });

  it('refuses a gap with the number it waits for, and takes a resent batch once', async () => {
    const { tokens } = await classWithStudents('Per');
    const c = await open();
    await c.ask({ op: 'hello', ref: 1, token: tokens[0] });
    const runId = ((await c.ask({ op: 'start', ref: 2, run: header() })).body as { runId: number }).runId;
    expect(await c.ask({ op: 'events', ref: 3, runId, events: all.slice(0, 4) })).toMatchObject({ status: 200, body: { expected: 4 } });
    expect(await c.ask({ op: 'events', ref: 4, runId, events: all.slice(6, 9) })).toMatchObject({ status: 409, body: { gap: true, expected: 4 } });
    expect(await c.ask({ op: 'events', ref: 5, runId, events: all.slice(2, 8) })).toMatchObject({ status: 200, body: { expected: 8 } });
    const stored = await server.db.query<{ seq: number }>('select seq from run_events where run_id = $1 order by seq', [runId]);
    expect(stored.map((r) => r.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    c.socket.close();
  });

  it('answers nothing but 401 before a known token, and never crosses to another student’s run', async () => {
    const { tokens } = await classWithStudents('Per', 'Ola');
    const c = await open();
    expect(await c.ask({ op: 'start', ref: 1, run: header() })).toMatchObject({ ref: 1, status: 401 });
    expect(await c.ask({ op: 'hello', ref: 2, token: 'not-a-token' })).toMatchObject({ ref: 2, status: 401 });
    await c.ask({ op: 'hello', ref: 3, token: tokens[0] });
    const perRun = ((await c.ask({ op: 'start', ref: 4, run: header() })).body as { runId: number }).runId;
    const ola = await open();
    await ola.ask({ op: 'hello', ref: 1, token: tokens[1] });
    expect(await ola.ask({ op: 'events', ref: 2, runId: perRun, events: all.slice(0, 2) })).toMatchObject({ status: 403, body: { error: 'this run is another student’s' } });
    const stored = await server.db.query<{ n: number }>('select count(*)::integer as n from run_events');
    expect(stored[0]!.n).toBe(0);
    c.socket.close();
    ola.socket.close();
  });

  it('stops taking a token the instructor replaced, on a socket already open', async () => {
    const { cookie, classId, tokens, ids } = await classWithStudents('Per');
    const c = await open();
    await c.ask({ op: 'hello', ref: 1, token: tokens[0] });
    const runId = ((await c.ask({ op: 'start', ref: 2, run: header() })).body as { runId: number }).runId;
    const res = await server.app.inject({ method: 'POST', url: `/api/classes/${classId}/students/${ids[0]}/token`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(await c.ask({ op: 'events', ref: 3, runId, events: all.slice(0, 2) })).toMatchObject({ status: 401 });
    // The new token works, on a new hello.
    expect(await c.ask({ op: 'hello', ref: 4, token: res.json().membership.token })).toMatchObject({ status: 200 });
    expect(await c.ask({ op: 'events', ref: 5, runId, events: all.slice(0, 2) })).toMatchObject({ status: 200 });
    c.socket.close();
  });

  it('answers bad messages in words with the path, and goes on; closes on an oversized message or a flood', async () => {
    const { tokens } = await classWithStudents('Per');
    const c = await open();
    expect(await c.ask('{"op": "hello", ')).toEqual({ ref: null, status: 400, body: { error: 'the message is not JSON text' } });
    expect(await c.ask({ op: 'hello', ref: 1, token: tokens[0], extra: 1 })).toMatchObject({ ref: 1, status: 400, body: { error: 'extra: unknown key "extra"' } });
    await c.ask({ op: 'hello', ref: 2, token: tokens[0] });
    const runId = ((await c.ask({ op: 'start', ref: 3, run: header() })).body as { runId: number }).runId;
    const bad = await c.ask({ op: 'events', ref: 4, runId, events: [{ seq: -1, kind: 'end', tick: 3 }] });
    expect(bad).toMatchObject({ ref: 4, status: 400, body: { path: 'events[0].seq' } });
    expect(await c.ask({ op: 'fly', ref: 5 })).toMatchObject({ ref: 5, status: 400, body: { path: 'op' } });
    // Still usable.
    expect(await c.ask({ op: 'events', ref: 6, runId, events: all.slice(0, 1) })).toMatchObject({ status: 200 });

    c.socket.send('x'.repeat(BODY_LIMIT + 1));
    expect((await c.whenClosed()).code).toBe(1009);

    const flood = await open();
    for (let k = 0; k <= MAX_QUEUED + 1; k++) flood.socket.send(JSON.stringify({ op: 'hello', ref: k, token: tokens[0] }));
    expect(await flood.whenClosed()).toEqual({ code: 1008, reason: 'too many messages without waiting for replies' });
  });
});

describe('the app’s link: streams when it can, HTTP when it cannot', () => {
  const server = testServerFor();

  async function listening(): Promise<{ base: string; token: string; viaHttp: Fetch & { calls: number } }> {
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const address = server.app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    const cookie = await instructor(server, 'Kari');
    const cls = (await server.app.inject({ method: 'POST', url: '/api/classes', payload: { name: '2A' }, headers: { cookie } })).json().class;
    const counting = Object.assign(
      (url: string, init: RequestInit) => {
        counting.calls += 1;
        return fetch(url, init);
      },
      { calls: 0 },
    );
    const { membership } = await joinClass(fetch, base, cls.joinCode, 'Per');
    return { base, token: membership.token, viaHttp: counting };
  }
  const socket = (url: string) => new WebSocket(url);

  it('delivers a growing run over the socket, with no HTTP request', async () => {
    const { base, token, viaHttp } = await listening();
    const link = streamLink(base, token, httpLink(viaHttp, base, token), socket);
    let at = await deliver(link, header(), all.slice(0, 10), { serverRunId: null, expected: 0 });
    at = await deliver(link, header(), all, at);
    expect(at.expected).toBe(all.length);
    expect(link.viaStream).toBe(true);
    expect(viaHttp.calls).toBe(0);
    link.close();
  });

  it('falls back to HTTP when no socket opens, and tries the socket again after a while', async () => {
    const { base, token, viaHttp } = await listening();
    let clock = 0;
    let refusing = true;
    const link = streamLink(base, token, httpLink(viaHttp, base, token), (url) => new WebSocket(refusing ? url.replace(STREAM_PATH, '/api/no-stream') : url), () => clock);
    let at = await deliver(link, header(), all.slice(0, 10), { serverRunId: null, expected: 0 });
    expect(at.expected).toBe(10);
    expect(link.viaStream).toBe(false);
    const sent = viaHttp.calls;
    expect(sent).toBe(2);
    // Within the retry window the socket is not tried again: HTTP at once.
    refusing = false;
    clock += SOCKET_RETRY_MS - 1;
    at = await deliver(link, header(), all.slice(0, 15), at);
    expect(viaHttp.calls).toBe(sent + 1);
    clock += 2;
    at = await deliver(link, header(), all, at);
    expect(link.viaStream).toBe(true);
    expect(viaHttp.calls).toBe(sent + 1);
    const stored = await server.db.query<{ seq: number }>('select seq from run_events order by seq');
    expect(stored.map((r) => r.seq)).toEqual(all.map((e) => e.seq));
    link.close();
  });

  it('goes on over HTTP when the socket breaks mid-run, nothing lost or twice', async () => {
    const { base, token, viaHttp } = await listening();
    const link = streamLink(base, token, httpLink(viaHttp, base, token), socket);
    let at = await deliver(link, header(), all.slice(0, 10), { serverRunId: null, expected: 0 });
    expect(link.viaStream).toBe(true);
    // The server drops every open socket (as a restart behind a proxy would).
    for (const client of (server.app as unknown as { websocketServer: { clients: Set<WebSocket> } }).websocketServer.clients) client.terminate();
    at = await deliver(link, header(), all, at);
    expect(at.expected).toBe(all.length);
    expect(link.viaStream).toBe(false);
    expect(viaHttp.calls).toBeGreaterThan(0);
    const stored = await server.db.query<{ seq: number }>('select seq from run_events order by seq');
    expect(stored.map((r) => r.seq)).toEqual(all.map((e) => e.seq));
    link.close();
  });

  it('reports a token the server does not know as over HTTP: refused, not offline', async () => {
    const { base, viaHttp } = await listening();
    const link = streamLink(base, 'not-a-token', httpLink(viaHttp, base, 'not-a-token'), socket);
    await expect(deliver(link, header(), all, { serverRunId: null, expected: 0 })).rejects.toMatchObject({ status: 401 });
    await expect(deliver(link, header(), all, { serverRunId: null, expected: 0 })).rejects.toBeInstanceOf(SchoolError);
    link.close();
  });
});
