/** A worker thread of `npm run sim -- --replications`: runs the replications it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { type ReplicationJob, runJob } from '../experiment/pool';

parentPort?.on('message', (job: ReplicationJob) => {
  parentPort?.postMessage(runJob(job));
});
