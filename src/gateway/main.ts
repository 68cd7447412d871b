/**
 * `npm run gateway`: the MQTT broker and the OPC UA server on this machine, with nothing else
 * to install. Addresses come from the environment (GATEWAY_HOST, MQTT_PORT, MQTT_WS_PORT,
 * OPCUA_PORT); the defaults are the factory's usual ports on this machine only.
 */
import { join } from 'node:path';
import { startGateway } from './gateway';

const port = (name: string, fallback: number): number => {
  const v = process.env[name];
  const n = v === undefined ? fallback : Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`${name}=${v} is not a port number (0–65535).`);
    process.exit(2);
  }
  return n;
};

const host = process.env.GATEWAY_HOST ?? '127.0.0.1';
try {
  const g = await startGateway({
    host,
    mqttPort: port('MQTT_PORT', 1883),
    wsPort: port('MQTT_WS_PORT', 9001),
    opcuaPort: port('OPCUA_PORT', 4840),
    pkiDir: process.env.OPCUA_PKI_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'lf-gateway', 'pki'),
  });
  console.log(`Learning Factory gateway
  MQTT            ${g.mqttUrl}   (MQTT Explorer, Node-RED, mosquitto_sub -t '#' -v)
  MQTT WebSocket  ${g.wsUrl}   (the browser: Connect the line)
  OPC UA          ${g.opcuaEndpoint}   (UaExpert: security None, anonymous)
Stop with Ctrl+C.`);
  const stop = () => {
    void g.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  console.error(err.code === 'EADDRINUSE' ? `A port is already in use (${err.message}): set MQTT_PORT, MQTT_WS_PORT or OPCUA_PORT.` : `The gateway did not start: ${err.message}`);
  process.exit(1);
}
