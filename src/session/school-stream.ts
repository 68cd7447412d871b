/**
 * A joined app's runs over one WebSocket to the school server (STREAM_PATH), with HTTP as the
 * fallback. A batch over the open socket costs a frame, not a request with its headers and
 * token; where a socket cannot be opened (a proxy that refuses upgrades, a server without the
 * stream) or breaks mid-request, the same request goes over HTTP at once: both are idempotent
 * (a start names its run by the app's id, an event by its number), so a request that may have
 * arrived before the break does no harm sent again.
 */
import { STREAM_PATH, type StreamReply } from './school-api';
import { answered, instructionsOf, type RunLink, SchoolError, TIMEOUT_MS } from './school-client';

/** What the link needs of a WebSocket: the browser's, or `ws` in Node. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
export type OpenSocket = (url: string) => SocketLike;

/** After the socket failed, HTTP alone for this long before the socket is tried again. */
export const SOCKET_RETRY_MS = 30_000;
const OPEN = 1;

const browserSocket: OpenSocket | null = typeof WebSocket === 'function' ? (url) => new WebSocket(url) : null;

interface Pending {
  readonly resolve: (r: StreamReply) => void;
  readonly reject: (e: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** The stream lost or never there: the request goes over HTTP instead. */
class NoStream extends Error {}

export interface StreamLink extends RunLink {
  /** Whether the last request went over the socket (for the class panel and tests). */
  readonly viaStream: boolean;
  close(): void;
}

export function streamLink(base: string, token: string, fallback: RunLink, open: OpenSocket | null = browserSocket, now: () => number = Date.now): StreamLink {
  let socket: SocketLike | null = null;
  let ready: Promise<SocketLike> | null = null;
  let failedAt = Number.NEGATIVE_INFINITY;
  let nextRef = 1;
  let viaStream = false;
  const pending = new Map<number, Pending>();

  const drop = (why: string) => {
    const s = socket;
    socket = null;
    ready = null;
    failedAt = now();
    for (const [ref, p] of pending) {
      clearTimeout(p.timer);
      pending.delete(ref);
      p.reject(new NoStream(why));
    }
    if (s !== null && s.readyState === OPEN) s.close();
  };

  const send = (s: SocketLike, message: Record<string, unknown>): Promise<StreamReply> =>
    new Promise((resolve, reject) => {
      // A socket that closed meanwhile would swallow the message: HTTP at once instead of after the timeout.
      if (s.readyState !== OPEN) return reject(new NoStream('the stream is not open'));
      const ref = nextRef++;
      const timer = setTimeout(() => drop('no answer on the stream'), TIMEOUT_MS);
      pending.set(ref, { resolve, reject, timer });
      s.send(JSON.stringify({ ...message, ref }));
    });

  const connect = (): Promise<SocketLike> =>
    new Promise((resolve, reject) => {
      if (open === null) return reject(new NoStream('no WebSocket here'));
      let s: SocketLike;
      try {
        s = open(`${base.replace(/^http/i, 'ws')}${STREAM_PATH}`);
      } catch (e) {
        return reject(new NoStream((e as Error).message));
      }
      socket = s;
      const timer = setTimeout(() => drop('the stream did not open'), TIMEOUT_MS);
      s.addEventListener('message', (event) => {
        let reply: StreamReply;
        try {
          reply = JSON.parse(String(event.data)) as StreamReply;
        } catch {
          return;
        }
        const p = reply.ref === null ? undefined : pending.get(reply.ref);
        if (p === undefined) return;
        clearTimeout(p.timer);
        pending.delete(reply.ref!);
        p.resolve(reply);
      });
      s.addEventListener('close', () => {
        clearTimeout(timer);
        if (socket === s) drop('the stream closed');
        reject(new NoStream('the stream closed'));
      });
      s.addEventListener('error', () => {
        clearTimeout(timer);
        if (socket === s) drop('the stream failed');
        reject(new NoStream('the stream failed'));
      });
      s.addEventListener('open', () => {
        clearTimeout(timer);
        send(s, { op: 'hello', token }).then((hello) => {
          // A token the server does not know is refused here as over HTTP (SchoolError 401).
          if (hello.status === 200) resolve(s);
          else {
            reject(hello.status === 401 ? new SchoolError(String((hello.body as { error?: string }).error), 401) : new NoStream(`hello answered ${hello.status}`));
            drop('hello refused');
          }
        }, reject);
      });
    });

  /** The request over the socket when one is (or can be) open, else over HTTP. */
  const either = async <T>(message: Record<string, unknown>, overHttp: () => Promise<T>, read: (r: StreamReply) => T): Promise<T> => {
    if (socket === null && now() - failedAt < SOCKET_RETRY_MS) {
      viaStream = false;
      return overHttp();
    }
    try {
      ready ??= connect();
      const reply = await send(await ready, message);
      viaStream = true;
      return read(reply);
    } catch (e) {
      if (!(e instanceof NoStream)) throw e;
      drop(e.message);
      viaStream = false;
      return overHttp();
    }
  };

  return {
    get viaStream() {
      return viaStream;
    },
    start: (run) => either({ op: 'start', run }, () => fallback.start(run), (r) => answered<{ runId: number; expected: number }>(r.status, r.body).body),
    events: (runId, events) => either({ op: 'events', runId, events }, () => fallback.events(runId, events), (r) => answered(r.status, r.body)),
    status: (runId, status) =>
      either(
        { op: 'status', runId, status },
        () => fallback.status(runId, status),
        (r) => instructionsOf(answered(r.status, r.body).body),
      ),
    close: () => drop('closed'),
  };
}
