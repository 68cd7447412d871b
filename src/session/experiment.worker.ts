/// <reference lib="webworker" />
/** One worker of an experiment's pool: runs the replications it is sent, one at a time. */
import { type ReplicationJob, runJob } from '../experiment/pool';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<ReplicationJob>) => scope.postMessage(runJob(e.data));
