/**
 * PostgreSQL restarted (immediate mode: connections cut, as a crash would) while a student's run
 * streams in: requests fail for a moment, the client tries again, and the run arrives whole,
 * nothing lost or twice, and reproduces. Needs Debian's postgresql (.ci/run installs it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addInstructor } from '../../src/server/accounts';
import { buildServer } from '../../src/server/app';
import { createClass } from '../../src/server/classes';
import { openDatabase } from '../../src/server/db/open';
import { verifierPool } from '../../src/server/verify-pool';
import { type Delivery, deliver, type Fetch, httpLink, joinClass, runEvents } from '../../src/session/school-client';
import { loadSessionText } from '../../src/session/session-file';
import { postgresBin, startCluster } from './postgres-cluster';

const golden = (() => {
  const r = loadSessionText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
  if (!r.ok) throw new Error('golden session');
  return r.session;
})();
const bin = postgresBin();

describe.skipIf(bin === null)('the database restarted under load', () => {
  it('down in the middle of a run and back: the run arrives whole, nothing twice, and reproduces', async () => {
    const cluster = await startCluster(bin!);
    const db = await openDatabase({ url: cluster.url });
    const verifier = verifierPool(1);
    const app = await buildServer({ db, verifier });
    try {
      const viaServer: Fetch = async (url, init) => {
        const u = new URL(url);
        const res = await app.inject({ method: init.method as 'GET' | 'POST', url: u.pathname, headers: init.headers as Record<string, string>, ...(init.body ? { payload: init.body as string } : {}) });
        return new Response(res.body, { status: res.statusCode, headers: res.headers as Record<string, string> });
      };
      const kari = await addInstructor(db, 'Kari', 'a long password', false);
      if (kari === 'exists') throw new Error('instructor');
      const cls = await createClass(db, kari.id, '2A');
      const { base, membership } = await joinClass(viaServer, 'school.local', cls.joinCode, 'Per');
      const header = { clientRunId: 'restart-run-0001', scenario: golden.scenario, scenarioHash: golden.scenarioHash, seed: golden.seed, engine: golden.engine };
      const all = runEvents(golden.commands, golden.checkpoints.slice(0, -1), golden.checkpoints.at(-1)!);

      let at: Delivery = { serverRunId: null, expected: 0 };
      let restarted: Promise<void> | null = null;
      let downWhileStreaming = false;
      // Rounds of three events, as a live run sends them; the database goes down after the second.
      for (let n = 1; at.expected < all.length && n < 500; n++) {
        if (n === 3) {
          restarted = cluster.restart();
          // The rounds go on only once the database is really down (a batch now takes one
          // statement: the rest of the run could otherwise arrive before the restart begins).
          for (let k = 0; k < 500 && !downWhileStreaming; k++) {
            downWhileStreaming = await db.query('select 1').then(
              () => false,
              () => true,
            );
            if (!downWhileStreaming) await new Promise((r) => setTimeout(r, 10));
          }
          expect(at.expected).toBeLessThan(all.length);
        }
        try {
          at = await deliver(httpLink(viaServer, base, membership.token), header, all.slice(0, Math.min(all.length, at.expected + 3)), at);
        } catch {
          // The database is down: this round is refused, the next one sends it again.
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await restarted;
      expect(at.expected).toBe(all.length);
      const rows = await db.query<{ n: number; distinct_seq: number }>('select count(*)::integer as n, count(distinct seq)::integer as distinct_seq from run_events');
      expect(rows[0]).toEqual({ n: all.length, distinct_seq: all.length });
      await expect.poll(async () => (await db.query<{ status: string }>("select verdict->>'status' as status from runs"))[0]?.status, { timeout: 30_000 }).toBe('reproduces');
      // The database was down in the middle of the run (or the test would prove nothing), and it got over.
      expect(downWhileStreaming).toBe(true);
    } finally {
      await app.close();
      await verifier.close();
      await db.close();
      cluster.stop();
    }
  }, 120_000);
});
