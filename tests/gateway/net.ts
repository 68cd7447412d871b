import { createServer } from 'node:net';

/** A port free on 127.0.0.1 now (the OPC UA server, and a gateway started again, need a fixed one). */
export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0));
    });
  });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait until a condition holds, for at most `ms`. */
export async function until(what: string, ok: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
