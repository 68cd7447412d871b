/**
 * School server benchmark (printed, never asserted). The server runs as `npm run server` does,
 * in its own process; N students (LF_STUDENTS, default 200) join over HTTP and each stream a
 * drill as a live run does — over the app's own link (one WebSocket each, HTTP as fallback), a
 * small batch of events every couple of seconds — then end it; the server verifies every run
 * in its worker pool. Prints ingest latency (p50, p99) as a student's app sees it, messages and
 * events per second, the server's CPU and memory, and how fast it verifies; on the embedded
 * PGlite, then on PostgreSQL (a throw-away local cluster when Debian's postgresql is installed,
 * or the server LF_BENCH_DATABASE_URL names). On PGlite it then measures the instructor's live
 * class view with a class of 100 in the browser (live-dashboard.ts). Run with `npm run bench:server`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { RunEvent, RunVerdict } from '../src/session/school-api';
import { deliver, type Delivery, httpLink, joinClass, runEvents } from '../src/session/school-client';
import { streamLink } from '../src/session/school-stream';
import { loadSessionText } from '../src/session/session-file';
import { verifySession } from '../src/session/verify';
import { postgresBin, startCluster } from '../tests/server/postgres-cluster';
import { liveDashboard } from './live-dashboard';
import { freePort, killGroup, serverProcess } from '../tests/server/processes';

const STUDENTS = Number(process.env.LF_STUDENTS ?? 200);
/** Wall time between one student's rounds (a live run's sync round is 3 s; the load is spread). */
const ROUND_MS = 2000;
const PER_ROUND = 4;

const golden = (() => {
  const r = loadSessionText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
  if (!r.ok) throw new Error('golden session');
  return r.session;
})();
const events: RunEvent[] = runEvents(golden.commands, golden.checkpoints.slice(0, -1), golden.checkpoints.at(-1)!);

const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

/** CPU seconds and resident memory (MB) of a process group: the server and the tsx process that runs it. */
function usage(pgid: number): { cpuS: number; rssMb: number } {
  const out = execFileSync('ps', ['-o', 'cputimes=,rss=', '-g', String(pgid)], { encoding: 'utf8' });
  let cpuS = 0;
  let rssMb = 0;
  for (const line of out.trim().split('\n')) {
    const [cpu, rss] = line.trim().split(/\s+/).map(Number);
    cpuS += cpu ?? 0;
    rssMb = Math.max(rssMb, (rss ?? 0) / 1024);
  }
  return { cpuS, rssMb };
}

async function run(label: string, databaseUrl: string, dashboard = false): Promise<void> {
  const port = await freePort();
  const server = await serverProcess(mkdtempSync(join(tmpdir(), 'lf-bench-')), port, databaseUrl);
  try {
    const base = `http://127.0.0.1:${port}`;
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const setup = await post('/api/setup', { name: 'Bench', password: 'a long password' });
    const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { joinCode } = ((await (await post('/api/classes', { name: 'Bench class' }, { cookie })).json()) as { class: { joinCode: string } }).class;
    const tokens: string[] = [];
    for (let k = 0; k < STUDENTS; k++) tokens.push((await joinClass(fetch, base, joinCode, `Student ${k}`)).membership.token);

    const latencies: number[] = [];
    let messages = 0;
    let overHttp = 0;
    const runIds: number[] = [];
    const before = usage(server.pid!);
    const t0 = performance.now();
    const ends: number[] = [];
    await Promise.all(
      tokens.map(async (token, k) => {
        await new Promise((r) => setTimeout(r, (k / STUDENTS) * ROUND_MS));
        const link = streamLink(base, token, httpLink(fetch, base, token), (url) => new WebSocket(url));
        // Each round's events timed as the app's sync round sends them.
        const timed = { ...link, events: async (runId: number, batch: readonly RunEvent[]) => {
          const s = performance.now();
          const answer = await link.events(runId, batch);
          latencies.push(performance.now() - s);
          messages += 1;
          if (!link.viaStream) overHttp += 1;
          return answer;
        } };
        const header = { clientRunId: `bench-${k}-0000`, scenario: golden.scenario, scenarioHash: golden.scenarioHash, seed: golden.seed, engine: golden.engine };
        let at: Delivery = { serverRunId: null, expected: 0 };
        for (let upTo = PER_ROUND; at.expected < events.length; upTo += PER_ROUND) {
          at = await deliver(timed, header, events.slice(0, Math.min(upTo, events.length)), at);
          if (at.expected < events.length) await new Promise((r) => setTimeout(r, ROUND_MS));
        }
        runIds[k] = at.serverRunId!;
        ends.push(performance.now());
        link.close();
      }),
    );
    const ingestS = (performance.now() - t0) / 1000;
    // Every run has ended: wait until the server has verified them all (as each student could ask).
    const verdicts: RunVerdict[] = [];
    for (let k = 0; k < STUDENTS; k++) {
      for (;;) {
        const res = await fetch(`${base}/api/runs/${runIds[k]}`, { headers: { authorization: `Bearer ${tokens[k]}` } });
        const v = ((await res.json()) as { run: { verdict: RunVerdict } }).run.verdict;
        if (v.status !== 'pending') {
          verdicts.push(v);
          break;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const verifiedAt = performance.now();
    const after = usage(server.pid!);
    const wrong = verdicts.filter((v) => v.status !== 'reproduces').length;
    // One worker's throughput: the same session verified several times in a row, here.
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const one = performance.now();
      verifySession(golden);
      times.push(performance.now() - one);
    }
    const oneMs = pct(times, 0.5);
    const hours = golden.endTick / 36000;
    console.log(
      `${label}: ${STUDENTS} students, ${events.length} events each in ${Math.ceil(events.length / PER_ROUND)} batches every ${ROUND_MS / 1000} s over their WebSocket (${overHttp} of ${messages} fell back to HTTP): ` +
        `ingest p50 ${pct(latencies, 0.5).toFixed(1)} ms, p99 ${pct(latencies, 0.99).toFixed(1)} ms, max ${pct(latencies, 1).toFixed(1)} ms (aim: p99 under 50 ms), ` +
        `${(messages / ingestS).toFixed(0)} batches/s, ${((messages * PER_ROUND) / ingestS).toFixed(0)} events/s; ` +
        `server process CPU ${(((after.cpuS - before.cpuS) / ((verifiedAt - t0) / 1000)) * 100).toFixed(0)} % of one core over the run, RSS ${after.rssMb.toFixed(0)} MB; ` +
        `all ${STUDENTS} runs verified ${((verifiedAt - Math.max(...ends)) / 1000).toFixed(1)} s after the last ended (${wrong} not reproducing); ` +
        `one ${hours.toFixed(1)}-hour session verified in ${oneMs.toFixed(0)} ms (median of 5; aim: an hour-long one under 200 ms), ` +
        `${((hours * 1000) / oneMs).toFixed(1)} simulated hours verified per second per worker`,
    );
    if (dashboard) console.log(`${label}: ${await liveDashboard(base, golden)}`);
  } finally {
    killGroup(server);
  }
}

async function main(): Promise<void> {
  await run('embedded PGlite', '', true);
  // PostgreSQL: the one named, or a throw-away cluster like the tests' when it is installed.
  const bin = process.env.LF_BENCH_DATABASE_URL ? null : postgresBin();
  const cluster = bin === null ? null : await startCluster(bin);
  const url = process.env.LF_BENCH_DATABASE_URL ?? cluster?.url;
  try {
    if (url) await run(cluster ? 'PostgreSQL 15 (throw-away local cluster)' : 'PostgreSQL (LF_BENCH_DATABASE_URL)', url);
    else console.log('PostgreSQL: not installed here; set LF_BENCH_DATABASE_URL=postgres://… to run the same against one');
  } finally {
    cluster?.stop();
  }
}

void main();
