/**
 * Re-simulating a run takes from milliseconds to seconds: it happens in worker threads, so a
 * request never waits behind one. Jobs queue when every worker is busy; a worker that dies is
 * replaced and its job fails in words.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SessionFile } from '../session/session-file';
import type { VerifyReport } from '../session/verify';

export interface Verifier {
  verify(session: SessionFile): Promise<VerifyReport>;
  close(): Promise<void>;
}

interface Job {
  readonly id: number;
  readonly session: SessionFile;
  readonly resolve: (r: VerifyReport) => void;
  readonly reject: (e: Error) => void;
}

const WORKER = new URL('./verify.worker.ts', import.meta.url).href;
const BOOTSTRAP = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER)}); })`;

/** Leaves a core for the server's own requests. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

export function verifierPool(size = defaultPoolSize()): Verifier {
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let nextId = 0;
  let closed = false;

  const spawnWorker = (): Worker => {
    // The worker is TypeScript: it registers tsx's loader in its own thread (as the server runs
    // under tsx), then loads the worker module.
    const w = new Worker(BOOTSTRAP, { eval: true });
    w.on('message', (m: { id: number; ok: true; report: VerifyReport } | { id: number; ok: false; message: string }) => {
      const job = busy.get(w);
      busy.delete(w);
      if (job !== undefined) (m.ok ? job.resolve(m.report) : job.reject(new Error(m.message)));
      idle.push(w);
      pump();
    });
    w.on('error', (e) => {
      const job = busy.get(w);
      busy.delete(w);
      job?.reject(new Error(`the verification worker failed: ${e.message}`));
      if (!closed) idle.push(spawnWorker());
      pump();
    });
    return w;
  };

  const pump = () => {
    while (!closed && idle.length > 0 && queue.length > 0) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      busy.set(w, job);
      w.postMessage({ id: job.id, session: job.session });
    }
  };

  for (let k = 0; k < size; k++) idle.push(spawnWorker());
  return {
    verify: (session) =>
      new Promise<VerifyReport>((resolve, reject) => {
        if (closed) return reject(new Error('the verifier is closed'));
        queue.push({ id: nextId++, session, resolve, reject });
        pump();
      }),
    close: async () => {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the server is stopping'));
      await Promise.all([...idle, ...busy.keys()].map((w) => w.terminate()));
    },
  };
}
