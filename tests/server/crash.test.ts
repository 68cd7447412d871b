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
import { loadSessionText } from '../../src/session/session-file';
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

describe('a server that crashes mid-class', () => {
  it('loses nothing it acknowledged; the client delivers the rest; no event is stored twice', async () => {
    const data = mkdtempSync(join(tmpdir(), 'lf-crash-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    await start(data, port);
    const setup = await fetch(`${base}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Kari', password: 'a long password' }) });
    const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
    const cls = ((await (await fetch(`${base}/api/classes`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: '2A' }) })).json()) as { class: { joinCode: string } }).class;
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
});
