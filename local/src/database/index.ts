/**
 * The offline stack's Postgres: embedded PGlite with its cluster under `<dataDir>/postgres` (in
 * memory without a data dir), or the server DATABASE_URL names. Both behind one small interface
 * (./types.ts). See docs/database.md and decision 022.
 */
import path from 'node:path';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Database } from './types.ts';

export type { ColumnInfo, Database, DatabaseSession, PostgresError, Queryable, QueryResult } from './types.ts';
export { isPostgresError } from './types.ts';

export interface OpenDatabaseOptions {
  /** Root data dir (`.cruddur`); the cluster lives in `<dataDir>/postgres`. In memory when absent. */
  dataDir?: string;
  /** A real Postgres instead of PGlite (default: the DATABASE_URL environment variable). */
  url?: string;
}

/** Opens the database the options (or DATABASE_URL) name. */
export function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  return openPglite(options.dataDir ? path.resolve(options.dataDir, 'postgres') : undefined);
}
