/** One verification worker: re-simulates sessions sent by the pool (src/server/verify-pool.ts), one at a time. */
import { parentPort } from 'node:worker_threads';
import type { SessionFile } from '../session/session-file';
import { verifySession } from '../session/verify';

parentPort?.on('message', (job: { id: number; session: SessionFile }) => {
  try {
    parentPort?.postMessage({ id: job.id, ok: true, report: verifySession(job.session) });
  } catch (e) {
    parentPort?.postMessage({ id: job.id, ok: false, message: (e as Error).message });
  }
});
