/**
 * The browser's connection to the gateway's broker: MQTT over WebSocket with mqtt.js, a will
 * that marks the line offline if the page goes away, and reconnection every second (a gateway
 * restarted mid-run is found again and given the line's retained values anew).
 */
import mqtt, { type MqttClient } from 'mqtt';
import { META_STATUS } from './namespace';

/** How often a lost connection is tried again. */
export const RECONNECT_MS = 1000;

export function connectLine(url: string, root: string, clientId: string): MqttClient {
  return mqtt.connect(url, {
    clientId,
    reconnectPeriod: RECONNECT_MS,
    connectTimeout: 5000,
    clean: true,
    will: { topic: `${root}/${META_STATUS}`, payload: new TextEncoder().encode('offline') as Buffer, qos: 1, retain: true },
  });
}
