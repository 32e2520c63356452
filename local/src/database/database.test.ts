/**
 * The database interface, identically on embedded PGlite and on a real Postgres server:
 * positional parameters and text values, transactions, sessions that keep other callers out of
 * their transaction, errors with their SQLSTATE, and one statement per call.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { isPostgresError, type Database } from './index.ts';
import { databaseBackends, stopBackends } from './testing/backends.ts';

afterAll(stopBackends);

describe.each(databaseBackends())('database on $name', (backend) => {
  describe.skipIf(backend.skip)(backend.skip ? `skipped: ${backend.skip}` : 'runs', () => {
    const withDb = async (fn: (db: Database) => Promise<void>) => {
      const db = await backend.open();
      try {
        await fn(db);
      } finally {
        await db.close();
      }
    };

    it('binds positional parameters and returns every value as Postgres text with its type', () =>
      withDb(async (db) => {
        const r = await db.query("SELECT $1::int8 AS n, $2::text AS s, true AS b, '{1,2}'::int4[] AS a, '\\x0102'::bytea AS x, $3::text AS nothing, '2024-01-02 03:04:05'::timestamptz AS t", [
          '42',
          'héllo',
          null,
        ]);
        expect(r.command).toBe('SELECT');
        expect(r.rowCount).toBe(1);
        expect(r.fields.map((f) => [f.name, f.dataTypeID])).toEqual([
          ['n', 20],
          ['s', 25],
          ['b', 16],
          ['a', 1007],
          ['x', 17],
          ['nothing', 25],
          ['t', 1184],
        ]);
        // Sessions run in UTC, so timestamptz comes back with a +00 offset.
        expect(r.rows).toEqual([['42', 'héllo', 't', '{1,2}', '\\x0102', null, '2024-01-02 03:04:05+00']]);
      }));

    it('reports changed rows and the command', () =>
      withDb(async (db) => {
        await db.query('CREATE TABLE t (id int PRIMARY KEY, v text)');
        const ins = await db.query('INSERT INTO t VALUES ($1, $2), ($3, $4)', ['1', 'a', '2', 'b']);
        expect([ins.command, ins.rowCount]).toEqual(['INSERT', 2]);
        const upd = await db.query("UPDATE t SET v = 'c'");
        expect([upd.command, upd.rowCount]).toEqual(['UPDATE', 2]);
      }));

    it('commits a transaction, and rolls it back when the callback throws', () =>
      withDb(async (db) => {
        await db.query('CREATE TABLE t (id int PRIMARY KEY)');
        await db.transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES (1)');
        });
        await expect(
          db.transaction(async (tx) => {
            await tx.query('INSERT INTO t VALUES (2)');
            throw new Error('abandon');
          }),
        ).rejects.toThrow('abandon');
        expect((await db.query('SELECT id FROM t ORDER BY id')).rows).toEqual([['1']]);
      }));

    it('keeps other callers out of an open session transaction until it is released', () =>
      withDb(async (db) => {
        await db.query('CREATE TABLE t (id int PRIMARY KEY)');
        const session = await db.connect();
        await session.query('BEGIN');
        await session.query('INSERT INTO t VALUES (1)');
        // PGlite has one connection: without serialising, this read would run inside the open
        // transaction and see its uncommitted row.
        const outside = db.query('SELECT count(*) FROM t');
        const early = await Promise.race([outside.then((r) => r.rows[0][0]), new Promise((r) => setTimeout(() => r('waiting'), 200))]);
        expect(['waiting', '0']).toContain(early);
        await session.query('COMMIT');
        session.release();
        expect((await db.query('SELECT count(*) FROM t')).rows[0][0]).toBe('1');
        expect(['0', '1']).toContain((await outside).rows[0][0]);
      }));

    it('rolls back a session left open when the database closes, and keeps what was committed', async () => {
      const reopen = await backend.persistent();
      const db = await reopen();
      await db.query('CREATE TABLE t (id int PRIMARY KEY)');
      await db.query('INSERT INTO t VALUES (1)');
      const session = await db.connect();
      await session.query('BEGIN');
      await session.query('INSERT INTO t VALUES (2)');
      await db.close();
      await expect(db.query('SELECT 1')).rejects.toThrow('closed');
      const again = await reopen();
      try {
        expect((await again.query('SELECT id FROM t ORDER BY id')).rows).toEqual([['1']]);
      } finally {
        await again.close();
      }
    });

    it('reports SQL errors with their SQLSTATE, message and position', () =>
      withDb(async (db) => {
        const err = await db.query('SELECT * FROM missing_table').catch((e: unknown) => e);
        expect(isPostgresError(err)).toBe(true);
        expect(err).toMatchObject({ code: '42P01', message: 'relation "missing_table" does not exist', position: '15' });
      }));

    it('runs one statement per call, like the Data API', () =>
      withDb(async (db) => {
        const err = await db.query('SELECT 1; SELECT 2').catch((e: unknown) => e);
        expect(err).toMatchObject({ code: '42601', message: 'cannot insert multiple commands into a prepared statement' });
      }));
  });
});
