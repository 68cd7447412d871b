/**
 * The gateway: the MQTT broker (TCP for the factory's tools, WebSocket for the browser) and the
 * OPC UA server that mirrors every line a browser publishes. It keeps no line of its own: the
 * engine runs in the student's browser, and commands go back there to be recorded.
 */
import mqtt from 'mqtt';
import { GATEWAY_ENDPOINTS } from '../session/line-link/namespace';
import { type Broker, startBroker } from './broker';
import { type Lines, watchLines } from './lines';
import { type OpcUa, startOpcUa } from './opcua';

export interface GatewayOptions {
  readonly host: string;
  readonly mqttPort: number;
  readonly wsPort: number;
  readonly opcuaPort: number;
  readonly pkiDir: string;
}

export interface Gateway {
  readonly mqttUrl: string;
  readonly wsUrl: string;
  readonly opcuaEndpoint: string;
  readonly lines: Lines;
  close(): Promise<void>;
}

export async function startGateway(o: GatewayOptions): Promise<Gateway> {
  const broker: Broker = await startBroker({ host: o.host, tcpPort: o.mqttPort, wsPort: o.wsPort });
  let lines: Lines | null = null;
  let opcua: OpcUa;
  try {
    opcua = await startOpcUa({ host: o.host, port: o.opcuaPort, pkiDir: o.pkiDir }, () => lines!);
  } catch (e) {
    await broker.close();
    throw e;
  }
  const mqttUrl = `mqtt://${o.host}:${broker.tcpPort}`;
  const client = await mqtt.connectAsync(mqttUrl, { clientId: `lf-gateway-${process.pid}`, reconnectPeriod: 1000 });
  lines = watchLines(client, opcua);
  await client.publishAsync(GATEWAY_ENDPOINTS, JSON.stringify({ opcua: opcua.endpoint, mqtt: mqttUrl }), { qos: 1, retain: true });
  return {
    mqttUrl,
    wsUrl: `ws://${o.host}:${broker.wsPort}`,
    opcuaEndpoint: opcua.endpoint,
    lines,
    async close() {
      await client.endAsync(true);
      await opcua.close();
      await broker.close();
    },
  };
}
