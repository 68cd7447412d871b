import postgres from 'postgres';
import type { Database, Row, Sql } from './database';

/** A real PostgreSQL server (Debian's postgresql 15 or any ≥ 13), through postgres.js. */
export async function openPostgres(url: string): Promise<Database> {
  // Notices (e.g. "relation already exists, skipping") are the server talking to itself.
  const sql = postgres(url, { max: 10, onnotice: () => undefined, prepare: true });
  await sql`select 1`;
  const on = (q: postgres.Sql | postgres.TransactionSql): Sql => ({
    query: async <T extends Row>(text: string, params: readonly unknown[] = []) => (await q.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
  });
  return {
    kind: 'postgres',
    ...on(sql),
    transaction: async (work) => (await sql.begin((tx) => work(on(tx)))) as Awaited<ReturnType<typeof work>>,
    close: () => sql.end({ timeout: 5 }),
  };
}
