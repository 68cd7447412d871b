/**
 * `npm run server`: the school server on http://127.0.0.1:8080 with the embedded database in
 * .data/pglite (nothing else to install); `DATABASE_URL=postgres://…` uses a PostgreSQL server.
 *   npm run server -- --add-instructor NAME   adds an instructor and prints a one-time password
 *   npm run server -- --port 8080 --host 0.0.0.0 --data DIR
 *   npm run server -- --gateway               also runs the MQTT broker and OPC UA server (npm run gateway)
 * Exit codes: 0 done, 2 bad options or input, 1 could not start.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { addInstructor, instructorCount } from './accounts';
import { buildServer } from './app';
import { oneTimePassword } from './auth/secrets';
import { openDatabase } from './db/open';

const USAGE = 'usage: npm run server -- [--port 8080] [--host 127.0.0.1] [--data .data/pglite] [--add-instructor NAME] [--gateway]';

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    process.stderr.write(`--port must be a port number, got ${args.port}\n${USAGE}\n`);
    return 2;
  }
  const url = process.env.DATABASE_URL || undefined;
  if (url === undefined) mkdirSync(args.data, { recursive: true });
  const db = await openDatabase({ url, dataDir: args.data });
  const where = url === undefined ? `the embedded database in ${args.data}` : 'PostgreSQL (DATABASE_URL)';

  if (args['add-instructor'] !== undefined) {
    const name = args['add-instructor'].trim();
    const password = oneTimePassword();
    const made = name === '' ? 'empty' : await addInstructor(db, name, password, true);
    await db.close();
    if (made === 'empty' || made === 'exists') {
      process.stderr.write(made === 'empty' ? 'the instructor needs a name\n' : `an instructor called "${name}" exists already\n`);
      return 2;
    }
    process.stdout.write(`added instructor "${name}" to ${where}\none-time password: ${password}\n(to be changed at the first sign-in)\n`);
    return 0;
  }

  const app = await buildServer({ db, appDir: 'dist', logger: true });
  // The gateway in the same process, on the same host (its ports from MQTT_PORT, MQTT_WS_PORT, OPCUA_PORT).
  let gateway: { close(): Promise<void> } | null = null;
  if (args.gateway === true) {
    const { startGateway } = await import('../gateway/gateway');
    const { addressesText, gatewayOptions } = await import('../gateway/options');
    const g = await startGateway(gatewayOptions(args.host));
    gateway = g;
    process.stdout.write(`Learning Factory gateway\n${addressesText(g)}`);
  }
  const stop = async () => {
    await gateway?.close();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.listen({ port, host: args.host });
  const page = `http://${args.host}:${port}/?instructor`;
  const first = (await instructorCount(db)) === 0;
  process.stdout.write(
    `Learning Factory school server: http://${args.host}:${port}/ with ${where}\n` +
      (first ? `No instructor yet: open ${page} to make the first account (or stop and use --add-instructor NAME)\n` : `Instructors sign in at ${page}\n`),
  );
  return -1;
}

function parse() {
  return parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: '.data/pglite' },
      'add-instructor': { type: 'string' },
      gateway: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    process.stderr.write(`the server could not start: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
