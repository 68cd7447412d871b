/**
 * Assignments: an instructor assigns scenarios to a class (checked like a file in the library,
 * stored as assigned), sees how the class stands with each, withdraws one; a student's device
 * lists what it has been assigned, with its own status.
 */
import type { FastifyInstance } from 'fastify';
import { loadScenarioJson } from '../../scenario/load';
import { type ApiError, assignmentRequest } from '../../session/school-api';
import { assign, classAssignments, studentAssignments, unassign } from '../assignments';
import { type ServerContext, refusal, studentOf } from '../http/context';
import { bodyOf, idOf } from '../http/validate';
import { ownClass } from './classes';

export function assignmentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/classes/:id/assignments', async (request, reply) => {
    const o = await ownClass(ctx, request, reply);
    if (o === null) return reply;
    const body = bodyOf(assignmentRequest, request.body, reply);
    if (body === null) return reply;
    const sc = loadScenarioJson(body.scenario);
    if (!sc.ok) {
      // The library's words and paths, under `scenario`.
      const first = sc.errors[0]!;
      const path = first.path === '' ? 'scenario' : `scenario.${first.path}`;
      return reply.code(400).send({ error: `${path}: ${first.message}`, path } satisfies ApiError);
    }
    return reply.code(201).send({ assignment: await assign(ctx.db, o.classId, sc.scenario, body) });
  });

  app.get('/api/classes/:id/assignments', async (request, reply) => {
    const o = await ownClass(ctx, request, reply);
    return o === null ? reply : { assignments: await classAssignments(ctx.db, o.classId) };
  });

  app.delete('/api/classes/:id/assignments/:assignment', async (request, reply) => {
    const o = await ownClass(ctx, request, reply);
    if (o === null) return reply;
    const id = idOf((request.params as { assignment?: unknown }).assignment);
    return id !== null && (await unassign(ctx.db, o.classId, id)) ? {} : refusal(reply, 404, 'no such assignment in this class');
  });

  app.get('/api/assignments', async (request, reply) => {
    const student = await studentOf(ctx, request, reply);
    return student === null ? reply : { assignments: await studentAssignments(ctx.db, student.id, student.classId, ctx.now()) };
  });
}
