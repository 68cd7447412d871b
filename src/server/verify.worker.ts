/** One verification worker: re-simulates sessions sent by the pool (src/server/verify-pool.ts), one at a time. */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { SessionFile } from '../session/session-file';
import { verifySession } from '../session/verify';

/** The lowest scheduling priority (nice 19). */
const LOWEST = 19;

// Re-simulating a run can wait a second; a student's batch should not. On Linux this lowers this
// thread alone (setpriority with pid 0 applies to the calling thread), so the server's own
// thread keeps its core when the whole class ends at once. Where it cannot, nothing changes.
try {
  setPriority(LOWEST);
} catch {
  // Not permitted here: verification runs at normal priority.
}

parentPort?.on('message', (job: { id: number; session: SessionFile }) => {
  try {
    parentPort?.postMessage({ id: job.id, ok: true, report: verifySession(job.session) });
  } catch (e) {
    parentPort?.postMessage({ id: job.id, ok: false, message: (e as Error).message });
  }
});
