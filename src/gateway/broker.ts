/**
 * The embedded MQTT broker (aedes): plain MQTT on TCP for tools such as MQTT Explorer,
 * Node-RED or mosquitto_sub, and MQTT over WebSocket for the browser (which cannot open a TCP
 * socket). Retained values live in memory: after a restart the browsers publish them again.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { Aedes } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';

export interface BrokerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly tcpPort: number;
  readonly wsPort: number;
}

export interface Broker {
  readonly aedes: Aedes;
  readonly tcpPort: number;
  readonly wsPort: number;
  close(): Promise<void>;
}

const listen = (server: Server | HttpServer, port: number, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const a = server.address();
      resolve(typeof a === 'object' && a !== null ? a.port : port);
    });
  });

export async function startBroker(o: BrokerOptions): Promise<Broker> {
  const aedes = await Aedes.createBroker();
  const tcp = createServer(aedes.handle);
  const http = createHttpServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' }).end('MQTT over WebSocket: connect with an MQTT client to this address.\n');
  });
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (socket, req) => {
    const stream = createWebSocketStream(socket);
    // A browser that goes away mid-write must not take the broker with it.
    stream.on('error', () => stream.destroy());
    aedes.handle(stream, req);
  });
  // A client that breaks the protocol is dropped, and the rest carry on.
  aedes.on('clientError', () => {});
  aedes.on('connectionError', () => {});
  const tcpPort = await listen(tcp, o.tcpPort, o.host);
  const wsPort = await listen(http, o.wsPort, o.host);
  return {
    aedes,
    tcpPort,
    wsPort,
    async close() {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => http.close(() => r()));
      await new Promise<void>((r) => aedes.close(() => r()));
      await new Promise<void>((r) => tcp.close(() => r()));
    },
  };
}
