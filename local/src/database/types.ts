/**
 * The one interface the offline stack uses to reach Postgres, whichever backend serves it:
 * PGlite embedded in this process (./pglite.ts) or a real server named by DATABASE_URL
 * (./postgres.ts). Values cross it in Postgres's text format both ways, so the Data API layer
 * decides every conversion once and both backends answer alike.
 */

/** A result column: its name and the type's OID (`pg_type.oid`). */
export interface ColumnInfo {
  name: string;
  dataTypeID: number;
}

/** One statement's result, every value in Postgres's text output format (null for SQL NULL). */
export interface QueryResult {
  fields: ColumnInfo[];
  rows: (string | null)[][];
  /** The command tag's verb: `SELECT`, `INSERT`, `UPDATE`, `CREATE`, … */
  command: string;
  /** Rows returned (SELECT) or changed (INSERT/UPDATE/DELETE/MERGE). */
  rowCount: number;
}

/** Something SQL can be sent to: `$1`-style positional parameters, sent as text (null = NULL). */
export interface Queryable {
  query(sql: string, params?: readonly (string | null)[]): Promise<QueryResult>;
}

/** A connection held for one caller until released (the Data API's transactions span calls). */
export interface DatabaseSession extends Queryable {
  /** Gives the connection back; the caller has ended any transaction it began. */
  release(): void;
}

export interface Database extends Queryable {
  /** Which backend serves it. */
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` on one connection between BEGIN and COMMIT; ROLLBACK when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** A dedicated connection; with PGlite (one connection) every other caller waits until it is released. */
  connect(): Promise<DatabaseSession>;
  /** Waits for work in flight, rolls back sessions still open, and closes. */
  close(): Promise<void>;
}

/** The error fields Postgres reports (ErrorResponse), as both `pg` and PGlite expose them. */
export interface PostgresError extends Error {
  code: string;
  severity?: string;
  detail?: string;
  hint?: string;
  position?: string;
}

/** True for an error reported by the database server (it carries a SQLSTATE). */
export function isPostgresError(err: unknown): err is PostgresError {
  if (!(err instanceof Error)) return false;
  const code = (err as Partial<PostgresError>).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** A session over `query` that refuses use after `release` (which runs `onRelease` once). */
export function guardedSession(query: Queryable['query'], onRelease: () => void): DatabaseSession {
  let done = false;
  return {
    query: (sql, params) => (done ? Promise.reject(new Error('The session was released.')) : query(sql, params)),
    release() {
      if (done) return;
      done = true;
      onRelease();
    },
  };
}

/** Runs `fn` inside BEGIN … COMMIT on `session`, rolling back when it throws; releases the session. */
export async function inTransaction<T>(session: DatabaseSession, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    await session.query('BEGIN');
    try {
      const result = await fn(session);
      await session.query('COMMIT');
      return result;
    } catch (err) {
      await session.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  } finally {
    session.release();
  }
}
