/**
 * Classes, for their instructor: create, list, close and reopen, a new join code, the students
 * who joined, a new device token for a student who lost theirs. Another instructor's class
 * answers 404, like one that does not exist.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ClassInfo } from '../../session/school-api';
import { createClassRequest } from '../../session/school-api';
import { historyOf } from '../history';
import { classOf, createClass, listClasses, listStudents, reissueToken, rotateJoinCode, setClassOpen } from '../classes';
import { type ServerContext, instructorOf, refusal, refuse } from '../http/context';
import { bodyOf, idOf } from '../http/validate';

const NO_CLASS = 'no such class among yours';

/** The signed-in instructor's id and the class id from the URL (`:id`), or null with 401/403/404 sent. */
export async function ownClass(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply): Promise<{ instructorId: number; classId: number } | null> {
  const who = await instructorOf(ctx, request, reply);
  if (who === null) return null;
  const classId = idOf((request.params as { id?: unknown }).id);
  if (classId === null || (await classOf(ctx.db, who.instructor.id, classId)) === null) return refuse(reply, 404, NO_CLASS);
  return { instructorId: who.instructor.id, classId };
}

export function classRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const own = (request: FastifyRequest, reply: FastifyReply) => ownClass(ctx, request, reply);
  const answer = (reply: FastifyReply, cls: ClassInfo | null) => (cls === null ? refusal(reply, 404, NO_CLASS) : { class: cls });

  app.post('/api/classes', async (request, reply) => {
    const who = await instructorOf(ctx, request, reply);
    if (who === null) return reply;
    const body = bodyOf(createClassRequest, request.body, reply);
    if (body === null) return reply;
    return reply.code(201).send({ class: await createClass(ctx.db, who.instructor.id, body.name) });
  });

  app.get('/api/classes', async (request, reply) => {
    const who = await instructorOf(ctx, request, reply);
    return who === null ? reply : { classes: await listClasses(ctx.db, who.instructor.id) };
  });

  app.get('/api/classes/:id', async (request, reply) => {
    const o = await own(request, reply);
    return o === null ? reply : answer(reply, await classOf(ctx.db, o.instructorId, o.classId));
  });

  app.post('/api/classes/:id/close', async (request, reply) => {
    const o = await own(request, reply);
    return o === null ? reply : answer(reply, await setClassOpen(ctx.db, o.instructorId, o.classId, false));
  });

  app.post('/api/classes/:id/open', async (request, reply) => {
    const o = await own(request, reply);
    return o === null ? reply : answer(reply, await setClassOpen(ctx.db, o.instructorId, o.classId, true));
  });

  app.post('/api/classes/:id/join-code', async (request, reply) => {
    const o = await own(request, reply);
    return o === null ? reply : answer(reply, await rotateJoinCode(ctx.db, o.instructorId, o.classId));
  });

  app.get('/api/classes/:id/students', async (request, reply) => {
    const o = await own(request, reply);
    return o === null ? reply : { students: await listStudents(ctx.db, o.instructorId, o.classId) };
  });

  app.get('/api/classes/:id/students/:student/history', async (request, reply) => {
    const o = await own(request, reply);
    if (o === null) return reply;
    const studentId = idOf((request.params as { student?: unknown }).student);
    const [member] = studentId === null ? [] : await ctx.db.query<{ id: number }>('select id from students where id = $1 and class_id = $2', [studentId, o.classId]);
    return member === undefined ? refusal(reply, 404, 'no such student in this class') : { runs: await historyOf(ctx.db, member.id) };
  });

  app.post('/api/classes/:id/students/:student/token', async (request, reply) => {
    const o = await own(request, reply);
    if (o === null) return reply;
    const studentId = idOf((request.params as { student?: unknown }).student);
    const membership = studentId === null ? null : await reissueToken(ctx.db, o.instructorId, o.classId, studentId);
    return membership === null ? refusal(reply, 404, 'no such student in this class') : { membership };
  });
}
