/**
 * School server benchmark (printed, never asserted): N students (LF_STUDENTS, default 200) each
 * stream a drill to a server on loopback as a live run does — a small batch of events every
 * couple of seconds, over HTTP — then end it; the server verifies every run in its worker pool.
 * Prints ingest latency (p50, p99), requests and events per second, the server's CPU and memory,
 * and how fast it verifies; on the embedded PGlite, then on PostgreSQL (a throw-away local cluster
 * when Debian's postgresql is installed, or the server LF_BENCH_DATABASE_URL names).
 * Run with `npm run bench:server`.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../src/server/app';
import type { Database } from '../src/server/db/database';
import { openDatabase } from '../src/server/db/open';
import { verifierPool } from '../src/server/verify-pool';
import { joinClass as joinStudent } from '../src/server/classes';
import { runEvents } from '../src/session/school-client';
import type { RunEvent } from '../src/session/school-api';
import { loadSessionText } from '../src/session/session-file';
import { verifySession } from '../src/session/verify';
import { postgresBin, startCluster } from '../tests/server/postgres-cluster';

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

async function run(label: string, db: Database): Promise<void> {
  const app = await buildServer({ db, verifier: verifierPool() });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const setup = await post('/api/setup', { name: 'Bench', password: 'a long password' });
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { joinCode } = ((await (await post('/api/classes', { name: 'Bench class' }, { cookie })).json()) as { class: { joinCode: string } }).class;
  const tokens: string[] = [];
  // Joined straight in the database: over HTTP, joins from one address are rate-limited (60 a minute).
  for (let k = 0; k < STUDENTS; k++) {
    const joined = await joinStudent(db, joinCode, `Student ${k}`);
    if (typeof joined === 'string') throw new Error(joined);
    tokens.push(joined.token);
  }

  const latencies: number[] = [];
  let requests = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const ends: number[] = [];
  await Promise.all(
    tokens.map(async (token, k) => {
      await new Promise((r) => setTimeout(r, (k / STUDENTS) * ROUND_MS));
      const auth = { authorization: `Bearer ${token}` };
      const { runId } = (await (await post('/api/runs', { clientRunId: `bench-${k}-0000`, scenario: golden.scenario, scenarioHash: golden.scenarioHash, seed: golden.seed, engine: golden.engine }, auth)).json()) as { runId: number };
      for (let at = 0; at < events.length; at += PER_ROUND) {
        const s = performance.now();
        const res = await post(`/api/runs/${runId}/events`, { events: events.slice(at, at + PER_ROUND) }, auth);
        await res.arrayBuffer();
        latencies.push(performance.now() - s);
        requests += 1;
        if (res.status !== 200) throw new Error(`ingest answered ${res.status}`);
        if (at + PER_ROUND < events.length) await new Promise((r) => setTimeout(r, ROUND_MS));
      }
      ends.push(performance.now());
    }),
  );
  const ingestS = (performance.now() - t0) / 1000;
  // Every run has ended: wait for the pool to verify them all.
  const pending = async () => (await db.query<{ n: number }>("select count(*)::integer as n from runs where verdict->>'status' = 'pending'"))[0]!.n;
  while ((await pending()) > 0) await new Promise((r) => setTimeout(r, 200));
  const verifiedAt = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const wrong = (await db.query<{ n: number }>("select count(*)::integer as n from runs where verdict->>'status' <> 'reproduces'"))[0]!.n;
  const mem = process.memoryUsage();
  const one = performance.now();
  verifySession(golden);
  const oneMs = performance.now() - one;
  console.log(
    `${label}: ${STUDENTS} students, ${events.length} events each in ${Math.ceil(events.length / PER_ROUND)} batches every ${ROUND_MS / 1000} s: ` +
      `ingest p50 ${pct(latencies, 0.5).toFixed(1)} ms, p99 ${pct(latencies, 0.99).toFixed(1)} ms (aim: p99 under 50 ms), ` +
      `${(requests / ingestS).toFixed(0)} requests/s, ${((requests * PER_ROUND) / ingestS).toFixed(0)} events/s; ` +
      `server process CPU ${((cpu.user + cpu.system) / 1000 / ((verifiedAt - t0) / 1000) / 10).toFixed(0)} % of one core over the run (clients in the same process), ` +
      `RSS ${(mem.rss / 1024 / 1024).toFixed(0)} MB; all ${STUDENTS} runs verified ${((verifiedAt - Math.max(...ends)) / 1000).toFixed(1)} s after the last ended (${wrong} not reproducing); ` +
      `one ${(golden.endTick / 36000).toFixed(1)}-hour session verified in ${oneMs.toFixed(0)} ms (aim: under 200 ms)`,
  );
  await app.close();
}

async function main(): Promise<void> {
  const pglite = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'lf-bench-')) });
  await run('embedded PGlite', pglite);
  await pglite.close();
  // PostgreSQL: the one named, or a throw-away cluster like the tests' when it is installed.
  const bin = process.env.LF_BENCH_DATABASE_URL ? null : postgresBin();
  const cluster = bin === null ? null : await startCluster(bin);
  const url = process.env.LF_BENCH_DATABASE_URL ?? cluster?.url;
  try {
    if (url) {
      const pg = await openDatabase({ url });
      await run(cluster ? 'PostgreSQL 15 (throw-away local cluster)' : 'PostgreSQL (LF_BENCH_DATABASE_URL)', pg);
      await pg.close();
    } else console.log('PostgreSQL: not installed here; set LF_BENCH_DATABASE_URL=postgres://… to run the same against one');
  } finally {
    cluster?.stop();
  }
}

void main();
