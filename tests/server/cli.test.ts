import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, killGroup, serverProcess } from './processes';

const TSX = 'node_modules/.bin/tsx';

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(TSX, ['src/server/main.ts', ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => resolve({ code, out, err }));
  });
}

let server: ChildProcess | null = null;
afterEach(() => {
  killGroup(server);
  server = null;
});

describe('npm run server', () => {
  it('adds an instructor with a one-time password kept in the embedded database, refuses a second of the same name, then serves on 127.0.0.1', async () => {
    const data = mkdtempSync(join(tmpdir(), 'lf-server-'));
    const added = await run(['--data', data, '--add-instructor', 'Kari Nordmann']);
    expect(added.code, added.err).toBe(0);
    const password = /one-time password: (\S+)/.exec(added.out)?.[1] ?? '';
    expect(password).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const again = await run(['--data', data, '--add-instructor', 'Kari Nordmann']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('exists already');

    const port = await freePort();
    const started = await serverProcess(data, port);
    server = started;
    const base = `http://127.0.0.1:${port}`;
    expect(started.output()).toContain(`Instructors sign in at ${base}/?instructor`);
    expect(await (await fetch(`${base}/api/setup`)).json()).toEqual({ needed: false });
    const signIn = await fetch(`${base}/api/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Kari Nordmann', password }) });
    expect(signIn.status).toBe(200);
    expect((await signIn.json()).instructor.mustChangePassword).toBe(true);
    const stopped = new Promise((r) => server?.on('exit', r));
    server.kill('SIGTERM');
    expect(await stopped).toBe(0);
    server = null;
  }, 120_000);

  it('on a new server, points the first instructor to the page that makes their account', async () => {
    const port = await freePort();
    const started = await serverProcess(mkdtempSync(join(tmpdir(), 'lf-server-')), port);
    server = started;
    expect(started.output()).toContain(`No instructor yet: open http://127.0.0.1:${port}/?instructor to make the first account`);
    expect(await (await fetch(`http://127.0.0.1:${port}/api/setup`)).json()).toEqual({ needed: true });
  }, 60_000);

  it('runs the gateway inside the school server with --gateway, and stops it with the server', async () => {
    const [port, mqttPort, wsPort, opcuaPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const env = { MQTT_PORT: String(mqttPort), MQTT_WS_PORT: String(wsPort), OPCUA_PORT: String(opcuaPort), OPCUA_PKI_DIR: mkdtempSync(join(tmpdir(), 'lf-pki-')) };
    const started = await serverProcess(mkdtempSync(join(tmpdir(), 'lf-server-')), port, '', { args: ['--gateway'], env });
    server = started;
    expect(started.output()).toContain(`OPC UA          opc.tcp://127.0.0.1:${opcuaPort}`);
    expect(started.output()).toContain(`MQTT WebSocket  ws://127.0.0.1:${wsPort}`);
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${mqttPort}`);
    const said = new Promise<string>((resolve) => client.on('message', (_t, payload) => resolve(payload.toString())));
    await client.subscribeAsync('_gateway/endpoints');
    expect(JSON.parse(await said)).toEqual({ opcua: `opc.tcp://127.0.0.1:${opcuaPort}`, mqtt: `mqtt://127.0.0.1:${mqttPort}` });
    await client.endAsync(true);
    const stopped = new Promise((r) => server?.on('exit', r));
    server.kill('SIGTERM');
    expect(await stopped).toBe(0);
    server = null;
  }, 90_000);

  it('refuses bad options with the usage', async () => {
    const bad = await run(['--port', 'eighty']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('usage: npm run server');
    const unknown = await run(['--frobnicate']);
    expect(unknown.code).toBe(2);
  }, 60_000);
});
