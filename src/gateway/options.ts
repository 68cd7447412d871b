/**
 * The gateway's addresses from the environment (MQTT_PORT, MQTT_WS_PORT, OPCUA_PORT,
 * OPCUA_PKI_DIR), with the factory's usual ports as defaults: 1883 for MQTT, 9001 for MQTT over
 * WebSocket, 4840 for OPC UA.
 */
import { join } from 'node:path';
import type { GatewayOptions } from './gateway';

export class OptionError extends Error {}

const port = (name: string, fallback: number): number => {
  const v = process.env[name];
  const n = v === undefined || v === '' ? fallback : Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new OptionError(`${name}=${v} is not a port number (0–65535).`);
  return n;
};

export function gatewayOptions(host: string): GatewayOptions {
  return {
    host,
    mqttPort: port('MQTT_PORT', 1883),
    wsPort: port('MQTT_WS_PORT', 9001),
    opcuaPort: port('OPCUA_PORT', 4840),
    pkiDir: process.env.OPCUA_PKI_DIR || join(process.cwd(), 'node_modules', '.cache', 'lf-gateway', 'pki'),
  };
}

/** What the gateway prints when it is up: where each tool connects. */
export const addressesText = (g: { mqttUrl: string; wsUrl: string; opcuaEndpoint: string }): string =>
  `  MQTT            ${g.mqttUrl}   (MQTT Explorer, Node-RED, mosquitto_sub -t '#' -v)\n` +
  `  MQTT WebSocket  ${g.wsUrl}   (the browser: Connect the line)\n` +
  `  OPC UA          ${g.opcuaEndpoint}   (UaExpert: security None, anonymous)\n`;

/** A failure to start, in words. */
export function startProblem(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (e instanceof OptionError) return err.message;
  return err.code === 'EADDRINUSE' ? `A port is already in use (${err.message}): set MQTT_PORT, MQTT_WS_PORT or OPCUA_PORT.` : `The gateway did not start: ${err.message}`;
}
