/** The school server as its own process, for the tests that start, stop and kill it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * `npm run server` on a port, with the embedded database in `data` (or the PostgreSQL server
 * databaseUrl names), resolved once it says it listens. In a process group of its own: tsx runs the server in a child, and a kill must reach it.
 */
export async function serverProcess(data: string, port: number, databaseUrl = '', more: { args?: string[]; env?: Record<string, string> } = {}): Promise<ChildProcess & { output(): string }> {
  const p = spawn('node_modules/.bin/tsx', ['src/server/main.ts', '--data', data, '--port', String(port), ...(more.args ?? [])], { env: { ...process.env, DATABASE_URL: databaseUrl, ...more.env }, detached: true });
  let out = '';
  p.stdout?.on('data', (d) => (out += d));
  for (let k = 0; k < 300 && !out.includes('school server'); k++) await new Promise((r) => setTimeout(r, 100));
  if (!out.includes('school server')) {
    killGroup(p);
    throw new Error(`the server did not start: ${out}`);
  }
  return Object.assign(p, { output: () => out });
}

/** SIGKILL to the whole process group, as a power cut would. */
export function killGroup(p: ChildProcess | null): void {
  if (p?.pid !== undefined && p.exitCode === null && p.signalCode === null) process.kill(-p.pid, 'SIGKILL');
}
