import { PGlite } from '@electric-sql/pglite';
import type { Database, Row, Sql } from './database';

/** The embedded database: in memory when `dataDir` is undefined (tests), else kept in that directory. */
export async function openPglite(dataDir?: string): Promise<Database> {
  const pg = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await pg.waitReady;
  const on = (q: Pick<PGlite, 'query'>): Sql => ({
    query: async <T extends Row>(text: string, params: readonly unknown[] = []) => (await q.query<T>(text, [...params])).rows,
  });
  return {
    kind: 'pglite',
    ...on(pg),
    transaction: (work) => pg.transaction((tx) => work(on(tx))),
    close: () => pg.close(),
  };
}
