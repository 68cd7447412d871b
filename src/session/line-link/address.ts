/** What is wrong with a broker address typed by the student, or null when a browser can use it. */
export type AddressProblem = 'notAddress' | 'notWebSocket' | 'noHost';

/** A browser speaks MQTT over WebSocket only: ws:// or wss://, with a host. */
export function addressProblem(url: string): AddressProblem | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'ws:' && u.protocol !== 'wss:') return 'notWebSocket';
    if (u.hostname === '') return 'noHost';
    return null;
  } catch {
    return 'notAddress';
  }
}
