/**
 * Where the engine service runs: a Web Worker in the browser, or in-process. Both take the
 * same messages; the in-process host answers synchronously.
 */
import type { FromEngine, ToEngine } from './engine-protocol';
import { createEngineService } from './engine-service';

export interface EngineHost {
  /** Send a numbered request (the sender numbers it before posting: an in-process host answers at once). */
  post(m: ToEngine): void;
  listen(handler: (m: FromEngine) => void): void;
  /**
   * Drop the engine and start an empty one, keeping the listener: how a long re-simulation
   * (a replay being opened, a run being resumed) is cancelled, since a worker busy with one
   * cannot read another message until it is done.
   */
  restart(): void;
}

export function localHost(): EngineHost {
  let handler: (m: FromEngine) => void = () => undefined;
  let service = createEngineService((m) => handler(m));
  return {
    post: (m) => service(m),
    listen: (h) => {
      handler = h;
    },
    restart: () => {
      service = createEngineService((m) => handler(m));
    },
  };
}

/** The engine in a worker, started on the first message (the library needs no engine). */
export function workerHost(): EngineHost {
  let worker: Worker | null = null;
  let handler: (m: FromEngine) => void = () => undefined;
  const started = (): Worker => {
    if (worker === null) {
      worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (e: MessageEvent<FromEngine>) => handler(e.data);
    }
    return worker;
  };
  return {
    post: (m) => started().postMessage(m),
    listen: (h) => {
      handler = h;
    },
    restart: () => {
      worker?.terminate();
      worker = null;
    },
  };
}

/** A worker where the platform has them, in-process otherwise. */
export function defaultHost(): EngineHost {
  return typeof Worker === 'function' ? workerHost() : localHost();
}
