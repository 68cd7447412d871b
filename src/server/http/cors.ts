import type { FastifyInstance } from 'fastify';

/**
 * A student's app may come from anywhere (installed from the school's web server, or opened from
 * a copy at home) and talks to the school server with its device token, never a cookie: the
 * student routes answer any origin. The instructor's routes (cookie) stay same-origin only.
 */
const STUDENT_ROUTES = /^\/api\/(join|runs|student|assignments)(\/|$|\?)/;

export function allowStudentsFromAnyOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!STUDENT_ROUTES.test(request.url)) return;
    void reply.header('access-control-allow-origin', '*');
    if (request.method === 'OPTIONS') {
      void reply.header('access-control-allow-methods', 'GET, POST').header('access-control-allow-headers', 'authorization, content-type').header('access-control-max-age', '600');
      return reply.code(204).send();
    }
  });
}
