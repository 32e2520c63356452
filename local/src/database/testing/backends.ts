/**
 * The database backends every database test runs against: embedded PGlite and a throwaway
 * real Postgres server (./postgres-server.ts). Use with `describe.each(databaseBackends())`
 * plus `describe.skipIf(backend.skip)`, and call `stopBackends()` in afterAll.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '../pglite.ts';
import { openPostgres } from '../postgres.ts';
import type { Database } from '../types.ts';
import { postgresUnavailableReason, startPostgresServer, type PostgresServer } from './postgres-server.ts';

export interface TestBackend {
  name: 'pglite' | 'postgres';
  /** Why this backend's cases are skipped here (undefined when they run). */
  skip?: string;
  /** A fresh, empty database on this backend. */
  open(): Promise<Database>;
  /** A fresh database that survives close: each call of the returned function opens it again. */
  persistent(): Promise<() => Promise<Database>>;
}

let server: Promise<PostgresServer> | undefined;
const dirs: string[] = [];

/** PGlite, then real Postgres (skipped with its reason when no server binaries are installed). */
export function databaseBackends(): TestBackend[] {
  const skip = postgresUnavailableReason();
  const freshUrl = async () => (await (server ??= startPostgresServer())).createDatabase();
  return [
    {
      name: 'pglite',
      open: () => openPglite(undefined),
      async persistent() {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-pglite-'));
        dirs.push(dir);
        return () => openPglite(dir);
      },
    },
    {
      name: 'postgres',
      skip,
      open: async () => openPostgres(await freshUrl()),
      async persistent() {
        const url = await freshUrl();
        return () => openPostgres(url);
      },
    },
  ];
}

/** Stops the shared server if a test started it and deletes PGlite dirs. */
export async function stopBackends(): Promise<void> {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  const s = server;
  server = undefined;
  if (s) await (await s).stop();
}

/**
 * One database of `backend` for the enclosing describe block (opened once: PGlite takes seconds
 * to start), reset to an empty `public` schema before each case. Returns its getter.
 */
export function sharedDatabase(backend: TestBackend): () => Database {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await db!.query('DROP SCHEMA public CASCADE');
    await db!.query('CREATE SCHEMA public');
  });
  return () => db!;
}
