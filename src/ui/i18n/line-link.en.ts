/** English texts of *Connect the line*: the line published to the factory's tools (OPC UA, MQTT). */
export const lineLinkEn = {
  'link.heading': 'Connect the line',
  'link.intro': 'Publish this line to the gateway, so that an OPC UA client (UaExpert), MQTT Explorer or Node-RED can read it and send PackML commands back. Start the gateway with npm run gateway. Nothing leaves this browser while this is off.',
  'link.switch': 'Connect the line to the gateway',
  'link.address': 'Broker address (MQTT over WebSocket)',
  'link.off': 'Off: nothing is sent.',
  'link.idle': 'On: the line is published as soon as a drill runs or a run is replayed.',
  'link.connecting': 'Connecting to {url}… The line runs on meanwhile; the connection is tried again every second.',
  'link.connected': 'Connected to {url}. Topics: {root}/…',
  'link.connectedReplay': 'Connected to {url}. The replay is served read-only under {root}/… (commands are refused).',
  'link.opcua': 'OPC UA: {endpoint} (security None, anonymous); the line is Objects › {line}.',
  'link.notAddress': 'This is not an address: write it as ws://host:port, e.g. ws://localhost:9001.',
  'link.notWebSocket': 'The address must start with ws:// or wss://: a browser speaks MQTT over WebSocket only.',
  'link.noHost': 'The address needs a host, e.g. ws://localhost:9001.',
  'link.sparkplug': 'Also publish as Sparkplug B (spBv1.0/…)',
  'link.save': 'Use this address',
} as const;
