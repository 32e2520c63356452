/**
 * Postgres embedded in this process (PGlite: Postgres compiled to WebAssembly), its cluster
 * under `<dataDir>/postgres` or in memory. PGlite runs a single connection, so every caller is
 * serialised through one FIFO lock; a session (a Data API transaction) holds that lock until it
 * is released. Acknowledged writes reach the files before the query resolves (PGlite's default,
 * not `relaxedDurability`), which is what survives `kill -9` (restart.test.ts).
 */
import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Mutex } from '../dynamodb/mutex.ts';
import { guardedSession, inTransaction, type Database, type DatabaseSession, type QueryResult } from './types.ts';

type Parsers = Record<number, (text: string) => string>;

const keepText = (text: string) => text;

async function run(db: PGlite, parsers: Parsers, sql: string, params: readonly (string | null)[] = []): Promise<QueryResult> {
  // Parameters are already Postgres text; PGlite's serializers would re-encode some types.
  const result = await db.query<unknown[]>(sql, [...params], { rowMode: 'array', parsers, serializers: parsers });
  return {
    fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
    rows: result.rows as unknown as (string | null)[][],
    command: result.command ?? '',
    rowCount: (result as { rowCount?: number }).rowCount ?? result.rows.length,
  };
}

/** Opens (creating on first use) the embedded cluster; `dir` undefined = in memory. */
export async function openPglite(dir: string | undefined): Promise<Database> {
  if (dir) await fs.mkdir(dir, { recursive: true });
  const db = new PGlite(dir);
  await db.waitReady;
  // Times as UTC, as the Data API returns them; one connection, so once is enough.
  await db.query("SET TimeZone = 'UTC'");
  // PGlite converts values to and from JS types by default; the Data API layer wants Postgres's
  // text format for every type (arrays included) both ways, so every known type keeps its text.
  const oids = await db.query<{ oid: number }>('SELECT oid::int AS oid FROM pg_type');
  const parsers: Parsers = Object.fromEntries(oids.rows.map((r) => [r.oid, keepText]));

  const lock = new Mutex();
  let closed = false;
  let openSession: { rollback(): Promise<void> } | undefined;
  const ensureOpen = () => {
    if (closed) throw new Error('The database is closed.');
  };

  const connect = async (): Promise<DatabaseSession> => {
    ensureOpen();
    return new Promise<DatabaseSession>((granted, refused) => {
      lock
        .run(
          () =>
            new Promise<void>((released) => {
              if (closed) {
                released();
                refused(new Error('The database is closed.'));
                return;
              }
              const session = guardedSession(
                (sql, params) => run(db, parsers, sql, params),
                () => {
                  openSession = undefined;
                  released();
                },
              );
              openSession = {
                rollback: async () => {
                  await run(db, parsers, 'ROLLBACK').catch(() => undefined);
                  session.release();
                },
              };
              granted(session);
            }),
        )
        .catch(refused);
    });
  };

  return {
    kind: 'pglite',
    async query(sql, params) {
      ensureOpen();
      return lock.run(() => run(db, parsers, sql, params));
    },
    async transaction(fn) {
      return inTransaction(await connect(), fn);
    },
    connect,
    async close() {
      if (closed) return;
      closed = true;
      await openSession?.rollback();
      await lock.run(() => db.close());
    },
  };
}
