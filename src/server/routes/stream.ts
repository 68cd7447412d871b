/**
 * The stream: one WebSocket per joined app, carrying the same two requests as HTTP (start a
 * run, append events) without a connection or headers per batch. Each message is answered with
 * the status and body HTTP would give (routes/runs.ts makes both), matched by its number.
 *
 * Messages of one socket are handled one after the other, in the order they came: a batch is
 * acknowledged only after it is committed, and a later batch never overtakes it. The device
 * token is checked again for every message, so a token the instructor replaced stops working
 * on an open socket at once, as it does over HTTP.
 */
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { STREAM_PATH, type StreamReply, streamRequest } from '../../session/school-api';
import { studentForToken } from '../classes';
import { NOT_JOINED, type ServerContext } from '../http/context';
import { checked } from '../http/validate';
import { type Answer, eventsAnswer, startAnswer, statusAnswer } from './runs';

/** Messages waiting behind the one being handled; more, and the socket is closed (a client that does not wait for replies). */
export const MAX_QUEUED = 64;
/** WebSocket close codes (RFC 6455 §7.4.1). */
const POLICY_VIOLATION = 1008;

function send(socket: WebSocket, reply: StreamReply): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
}

export function streamRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get(STREAM_PATH, { websocket: true }, (socket) => {
    let token: string | null = null;
    let queued = 0;
    let chain: Promise<void> = Promise.resolve();

    const handle = async (raw: unknown, ref: number | null): Promise<StreamReply> => {
      const c = checked(streamRequest, raw);
      if (!c.ok) return { ref, status: 400, body: c.error };
      const m = c.value;
      if (m.op === 'hello') token = m.token;
      const student = token === null ? null : await studentForToken(ctx.db, token);
      if (student === null) return { ref: m.ref, status: 401, body: { error: NOT_JOINED } };
      let a: Answer;
      switch (m.op) {
        case 'hello':
          a = { status: 200, body: { student: { id: student.id } } };
          break;
        case 'start':
          a = await startAnswer(ctx, student, m.run);
          break;
        case 'events':
          a = await eventsAnswer(ctx, student, m.runId, m.events);
          break;
        case 'status':
          a = await statusAnswer(ctx, student, m.runId, m.status);
          break;
      }
      return { ref: m.ref, ...a };
    };

    socket.on('message', (data, isBinary) => {
      if (++queued > MAX_QUEUED) {
        socket.close(POLICY_VIOLATION, 'too many messages without waiting for replies');
        return;
      }
      chain = chain.then(async () => {
        let raw: unknown;
        try {
          raw = isBinary ? undefined : JSON.parse(data.toString());
        } catch {
          raw = undefined;
        }
        const ref = typeof raw === 'object' && raw !== null && Number.isSafeInteger((raw as { ref?: unknown }).ref) ? (raw as { ref: number }).ref : null;
        try {
          send(socket, raw === undefined ? { ref: null, status: 400, body: { error: 'the message is not JSON text' } } : await handle(raw, ref));
        } catch (e) {
          ctx.log(`stream message failed: ${(e as Error).message}`);
          send(socket, { ref, status: 500, body: { error: 'the server could not do this; it has been logged' } });
        } finally {
          queued -= 1;
        }
      });
    });
  });
}
