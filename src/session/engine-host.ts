/**
 * Where the engine service runs: a Web Worker in the browser, or in-process. Both take the
 * same messages; the in-process host answers synchronously.
 */
import type { FromEngine, ToEngine } from './engine-protocol';
import { createEngineService } from './engine-service';

export interface EngineHost {
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

export function workerHost(): EngineHost {
  const spawn = () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  let worker = spawn();
  let handler: (m: FromEngine) => void = () => undefined;
  const attach = () => {
    worker.onmessage = (e: MessageEvent<FromEngine>) => handler(e.data);
  };
  attach();
  return {
    post: (m) => worker.postMessage(m),
    listen: (h) => {
      handler = h;
    },
    restart: () => {
      worker.terminate();
      worker = spawn();
      attach();
    },
  };
}

/** A worker where the platform has them, in-process otherwise. */
export function defaultHost(): EngineHost {
  return typeof Worker === 'function' ? workerHost() : localHost();
}
