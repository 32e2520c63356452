/**
 * A real Postgres server named by a connection URL (DATABASE_URL), through `pg`'s pool. Queries
 * use the extended protocol even without parameters, as PGlite does, so one statement per call
 * is the rule on both backends; every value stays in Postgres's text format.
 */
import pg from 'pg';
import { guardedSession, inTransaction, type Database, type DatabaseSession, type QueryResult } from './types.ts';

// Every type keeps its text form; the Data API layer converts.
const keepText = { getTypeParser: () => (text: string) => text };

type Client = Pick<pg.PoolClient, 'query'>;

async function run(client: Client, sql: string, params: readonly (string | null)[] = []): Promise<QueryResult> {
  const result = await client.query({ text: sql, values: [...params], rowMode: 'array', types: keepText, queryMode: 'extended' } as pg.QueryArrayConfig);
  return {
    fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
    rows: result.rows as (string | null)[][],
    command: result.command ?? '',
    rowCount: result.rowCount ?? result.rows.length,
  };
}

/** Connects a pool to `url` (checked with one round trip before returning). */
export async function openPostgres(url: string, options: { maxConnections?: number } = {}): Promise<Database> {
  // Times as UTC, as the Data API returns them.
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, options: '-c TimeZone=UTC' });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  await run(pool, 'SELECT 1');
  const sessions = new Set<pg.PoolClient>();
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new Error('The database is closed.');
  };

  const connect = async (): Promise<DatabaseSession> => {
    ensureOpen();
    const client = await pool.connect();
    sessions.add(client);
    return guardedSession(
      (sql, params) => run(client, sql, params),
      () => {
        sessions.delete(client);
        client.release();
      },
    );
  };

  return {
    kind: 'postgres',
    async query(sql, params) {
      ensureOpen();
      return run(pool, sql, params);
    },
    async transaction(fn) {
      return inTransaction(await connect(), fn);
    },
    connect,
    async close() {
      if (closed) return;
      closed = true;
      // Ending a client the server still holds a transaction for rolls it back.
      for (const client of sessions) client.release(true);
      sessions.clear();
      await pool.end();
    },
  };
}
