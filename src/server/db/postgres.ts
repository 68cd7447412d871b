import pg from 'pg';
import type { Database, Row, Sql } from './database';

/**
 * A real PostgreSQL server (Debian's postgresql 15 or any ≥ 13), through node-postgres' pool.
 * Why pg and not postgres.js: with postgres.js 3.4.9 a server restart (connections cut) threw
 * an uncaught exception from inside the driver, which would stop the school server; pg reports
 * a lost connection as an error on the query (the client tries again) and on the pool (logged).
 */
export async function openPostgres(url: string, log: (message: string) => void = () => undefined): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', (e) => log(`a PostgreSQL connection was lost: ${e.message}`));
  await pool.query('select 1');
  const on = (q: pg.Pool | pg.PoolClient): Sql => ({
    query: async <T extends Row>(text: string, params: readonly unknown[] = []) => (await q.query<T>(text, [...params])).rows,
  });
  return {
    kind: 'postgres',
    ...on(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      // A connection lost while this client is out of the pool is an error event on the client
      // itself (the pool only listens to idle ones): without a listener it would stop the server.
      let broken: Error | undefined;
      const lost = (e: Error) => {
        broken = e;
        log(`a PostgreSQL connection was lost during a transaction: ${e.message}`);
      };
      client.on('error', lost);
      try {
        await client.query('begin');
        const result = await work(on(client));
        await client.query('commit');
        return result;
      } catch (e) {
        await client.query('rollback').catch((r: Error) => {
          broken = r;
        });
        throw e;
      } finally {
        client.off('error', lost);
        // A broken connection is closed, not handed to the next request.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
