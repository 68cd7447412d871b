/**
 * Where the engine service runs: a Web Worker in the browser, or in-process. Both take the
 * same messages; the in-process host answers synchronously.
 */
import type { FromEngine, ToEngine } from './engine-protocol';
import { createEngineService } from './engine-service';

export interface EngineHost {
  post(m: ToEngine): void;
  listen(handler: (m: FromEngine) => void): void;
}

export function localHost(): EngineHost {
  let handler: (m: FromEngine) => void = () => undefined;
  const service = createEngineService((m) => handler(m));
  return {
    post: (m) => service(m),
    listen: (h) => {
      handler = h;
    },
  };
}

export function workerHost(): EngineHost {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (m) => worker.postMessage(m),
    listen: (h) => {
      worker.onmessage = (e: MessageEvent<FromEngine>) => h(e.data);
    },
  };
}

/** A worker where the platform has them, in-process otherwise. */
export function defaultHost(): EngineHost {
  return typeof Worker === 'function' ? workerHost() : localHost();
}
