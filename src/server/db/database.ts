/**
 * The one interface the server's code talks to, whichever PostgreSQL is behind it: the embedded
 * PGlite (Postgres compiled to WebAssembly, data in a directory: `npm run server` needs nothing
 * installed) or a real PostgreSQL server (`DATABASE_URL`). SQL is PostgreSQL's, parameters are
 * always passed apart ($1, $2…), never spliced into the text. A JSON value goes in as text
 * with a cast (`$1::text::jsonb`): the two drivers would otherwise encode a string differently.
 */
export type Row = Record<string, unknown>;

export interface Sql {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL's code for a unique or primary key that already holds the value. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === UNIQUE_VIOLATION;
}
