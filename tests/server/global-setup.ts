/**
 * Before the test files run: one throw-away PostgreSQL server for the server's tests to run
 * against besides PGlite (each file makes its own database on it). Without PostgreSQL
 * installed, the server tests run on PGlite alone and say so.
 */
import type { TestProject } from 'vitest/node';
import { postgresBin, startCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const bin = postgresBin();
  if (bin === null) {
    process.stderr.write('server tests: PostgreSQL is not installed here; they run on the embedded PGlite only\n');
    project.provide('postgresUrl', null);
    return () => undefined;
  }
  const cluster = await startCluster(bin);
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
