/// <reference lib="webworker" />
import type { FromEngine, ToEngine } from './engine-protocol';
import { createEngineService } from './engine-service';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createEngineService((m: FromEngine) => scope.postMessage(m));
scope.onmessage = (e: MessageEvent<ToEngine>) => handle(e.data);
