/**
 * The offline Data API through the real @aws-sdk/client-rds-data client, on PGlite and on a real
 * Postgres server: typed parameters and results, metadata, JSON records, transactions, batches,
 * and one negative case per rule (signature, unknown transaction, SQL error, oversized result,
 * bad parameter, timeout, ARNs, host).
 */
import http from 'node:http';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BatchExecuteStatementCommand,
  BeginTransactionCommand,
  CommitTransactionCommand,
  ExecuteStatementCommand,
  RDSDataClient,
  RollbackTransactionCommand,
  type ExecuteStatementCommandInput,
} from '@aws-sdk/client-rds-data';
import type { Database } from '../database/index.ts';
import { databaseBackends, sharedDatabase, stopBackends } from '../database/testing/backends.ts';
import { generateCredential } from '../iam/local-credential.ts';
import { startDataApi, type DataApiHandle } from './index.ts';

afterAll(stopBackends);

const region = 'us-east-1';
const credential = generateCredential();

describe.each(databaseBackends())('Data API on $name', (backend) => {
  describe.skipIf(backend.skip)(backend.skip ? `skipped: ${backend.skip}` : 'runs', () => {
    let db: Database;
    let handle: DataApiHandle;
    let client: RDSDataClient;
    let target: { resourceArn: string; secretArn: string; database: string };
    const exec = (input: Omit<ExecuteStatementCommandInput, 'resourceArn' | 'secretArn'>) => client.send(new ExecuteStatementCommand({ ...target, ...input }));
    const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: { name: string; message: string; $metadata?: { httpStatusCode?: number } }) => ({ name: e.name, message: e.message, status: e.$metadata?.httpStatusCode }));

    const database = sharedDatabase(backend);
    beforeEach(async () => {
      db = database();
      handle = await startDataApi({ db, databaseName: 'cruddur', region, credentials: [credential], statementTimeoutMs: 1500, resultLimits: { maxResponseBytes: 64 * 1024 } });
      client = new RDSDataClient({ endpoint: handle.endpoint, region, credentials: credential });
      target = { resourceArn: handle.resourceArn, secretArn: handle.secretArn, database: 'cruddur' };
      await exec({ sql: 'CREATE TABLE crud (id uuid PRIMARY KEY, handle text NOT NULL, likes int NOT NULL DEFAULT 0, score numeric(6,2), day date, at timestamptz, meta jsonb, tags text[], raw bytea)' });
    });
    afterEach(async () => {
      client.destroy();
      await handle.close();
    });

    it('binds typed and hinted parameters and returns typed fields with column metadata', async () => {
      const inserted = await exec({
        sql: 'INSERT INTO crud (id, handle, likes, score, day, at, meta, tags, raw) VALUES (:id, :handle, :likes, :score, :day, :at, :meta, :tags, :raw)',
        parameters: [
          { name: 'id', value: { stringValue: '0f8fad5b-d9cb-469f-a165-70867728950e' }, typeHint: 'UUID' },
          { name: 'handle', value: { stringValue: "o'brien" } },
          { name: 'likes', value: { longValue: 3 } },
          { name: 'score', value: { stringValue: '12.50' }, typeHint: 'DECIMAL' },
          { name: 'day', value: { stringValue: '2024-02-29' }, typeHint: 'DATE' },
          { name: 'at', value: { stringValue: '2024-02-29 23:59:58.5' }, typeHint: 'TIMESTAMP' },
          { name: 'meta', value: { stringValue: '{"a":[1,2]}' }, typeHint: 'JSON' },
          { name: 'tags', value: { arrayValue: { stringValues: ['x', 'y z'] } } },
          { name: 'raw', value: { blobValue: new Uint8Array([1, 2, 255]) } },
        ],
      });
      expect(inserted.numberOfRecordsUpdated).toBe(1);
      expect(inserted.generatedFields).toEqual([]);
      const r = await exec({ sql: 'SELECT id, handle, likes, score, day, at, meta, tags, raw, likes > :n AS popular, NULL::text AS nothing FROM crud', parameters: [{ name: 'n', value: { longValue: 2 } }], includeResultMetadata: true });
      expect(r.numberOfRecordsUpdated).toBe(0);
      expect(r.records).toEqual([
        [
          { stringValue: '0f8fad5b-d9cb-469f-a165-70867728950e' },
          { stringValue: "o'brien" },
          { longValue: 3 },
          { stringValue: '12.50' },
          { stringValue: '2024-02-29' },
          { stringValue: '2024-02-29 23:59:58.5' },
          { stringValue: '{"a": [1, 2]}' },
          { arrayValue: { stringValues: ['x', 'y z'] } },
          { blobValue: new Uint8Array([1, 2, 255]) },
          { booleanValue: true },
          { isNull: true },
        ],
      ]);
      expect(r.columnMetadata?.map((c) => [c.name, c.typeName, c.type])).toEqual([
        ['id', 'uuid', 1111],
        ['handle', 'text', 12],
        ['likes', 'int4', 4],
        ['score', 'numeric', 2],
        ['day', 'date', 91],
        ['at', 'timestamptz', 93],
        ['meta', 'jsonb', 1111],
        ['tags', '_text', 2003],
        ['raw', 'bytea', -2],
        ['popular', 'bool', -7],
        ['nothing', 'text', 12],
      ]);
    });

    it('formats records as JSON and honours decimalReturnType', async () => {
      await exec({ sql: "INSERT INTO crud (id, handle, likes, score) VALUES (gen_random_uuid(), 'a', 1, 2.5), (gen_random_uuid(), 'b', 2, 3)" });
      const json = await exec({ sql: 'SELECT handle, likes, score FROM crud ORDER BY handle', formatRecordsAs: 'JSON' });
      expect(json.records).toBeUndefined();
      expect(JSON.parse(json.formattedRecords!)).toEqual([
        { handle: 'a', likes: 1, score: '2.50' },
        { handle: 'b', likes: 2, score: '3.00' },
      ]);
      const numbers = await exec({ sql: 'SELECT score, 7::numeric AS whole FROM crud ORDER BY handle LIMIT 1', resultSetOptions: { decimalReturnType: 'DOUBLE_OR_LONG' } });
      expect(numbers.records).toEqual([[{ doubleValue: 2.5 }, { longValue: 7 }]]);
    });

    it('refuses a plain string where the column needs a type hint, as AWS does', async () => {
      const err = await failure(exec({ sql: "INSERT INTO crud (id, handle) VALUES (:id, 'a')", parameters: [{ name: 'id', value: { stringValue: '0f8fad5b-d9cb-469f-a165-70867728950e' } }] }));
      expect(err?.name).toBe('BadRequestException');
      expect(err?.message).toMatch(/^ERROR: column "id" is of type uuid but expression is of type character varying\n {2}Hint: .*\n {2}Position: \d+; SQLState: 42804$/);
    });

    it('runs statements in a transaction, visible to others only once committed', async () => {
      const { transactionId } = await client.send(new BeginTransactionCommand(target));
      await exec({ sql: "INSERT INTO crud (id, handle) VALUES (gen_random_uuid(), 'tx')", transactionId });
      expect((await exec({ sql: 'SELECT count(*) FROM crud', transactionId })).records).toEqual([[{ longValue: 1 }]]);
      expect(await client.send(new CommitTransactionCommand({ ...target, transactionId }))).toMatchObject({ transactionStatus: 'Transaction Committed' });
      expect((await exec({ sql: 'SELECT count(*) FROM crud' })).records).toEqual([[{ longValue: 1 }]]);

      const second = (await client.send(new BeginTransactionCommand(target))).transactionId;
      await exec({ sql: 'DELETE FROM crud', transactionId: second });
      expect(await client.send(new RollbackTransactionCommand({ ...target, transactionId: second }))).toMatchObject({ transactionStatus: 'Rollback Complete' });
      expect((await exec({ sql: 'SELECT count(*) FROM crud' })).records).toEqual([[{ longValue: 1 }]]);
      // Ended: the id is unknown now.
      expect(await failure(exec({ sql: 'SELECT 1', transactionId: second }))).toEqual({ name: 'NotFoundException', message: `Transaction ${second} is not found`, status: 404 });
    });

    it('answers a second statement in a busy transaction with DatabaseErrorException', async () => {
      const { transactionId } = await handle.api.beginTransaction(target);
      const first = handle.api.executeStatement({ ...target, sql: 'SELECT 1', transactionId });
      await expect(handle.api.executeStatement({ ...target, sql: 'SELECT 2', transactionId })).rejects.toMatchObject({ type: 'DatabaseErrorException', message: 'Transaction is still running a query' });
      await first;
      await handle.api.rollbackTransaction({ ...target, transactionId });
    });

    it('runs a batch over parameter sets, all or nothing', async () => {
      const sql = 'INSERT INTO crud (id, handle, likes) VALUES (gen_random_uuid(), :h, :n)';
      const set = (h: string, n: number) => [
        { name: 'h', value: { stringValue: h } },
        { name: 'n', value: { longValue: n } },
      ];
      const ok = await client.send(new BatchExecuteStatementCommand({ ...target, sql, parameterSets: [set('a', 1), set('b', 2), set('c', 3)] }));
      expect(ok.updateResults).toHaveLength(3);
      const bad = await failure(client.send(new BatchExecuteStatementCommand({ ...target, sql: 'INSERT INTO crud (id, handle, likes) VALUES (gen_random_uuid(), :h, 10 / :n)', parameterSets: [set('d', 1), set('e', 0)] })));
      expect(bad).toMatchObject({ name: 'BadRequestException', message: 'ERROR: division by zero; SQLState: 22012' });
      expect((await exec({ sql: 'SELECT string_agg(handle, \',\' ORDER BY handle) FROM crud' })).records).toEqual([[{ stringValue: 'a,b,c' }]]);
    });

    it('reports SQL errors as BadRequestException with the Postgres text', async () => {
      expect(await failure(exec({ sql: 'SELECT * FROM nope' }))).toEqual({ name: 'BadRequestException', message: 'ERROR: relation "nope" does not exist\n  Position: 15; SQLState: 42P01', status: 400 });
      expect(await failure(exec({ sql: 'SELECT 1', database: 'other' }))).toMatchObject({ name: 'BadRequestException', message: 'FATAL: database "other" does not exist; SQLState: 3D000' });
    });

    it('refuses a result over the response size limit', async () => {
      const err = await failure(exec({ sql: "SELECT repeat('x', 1000) FROM generate_series(1, 100)" }));
      expect(err).toEqual({ name: 'BadRequestException', message: 'Database returned more than the allowed response size limit', status: 400 });
    });

    it('refuses malformed parameters and hints', async () => {
      expect(await failure(exec({ sql: 'SELECT :n', parameters: [{ name: 'n', value: { longValue: 1.5 } }] }))).toMatchObject({ name: 'BadRequestException', message: 'Parameter n: longValue must be an integer.' });
      expect(await failure(exec({ sql: 'SELECT :t', parameters: [{ name: 't', value: { stringValue: '2024-01-01T00:00:00Z' }, typeHint: 'TIMESTAMP' }] }))).toMatchObject({
        name: 'BadRequestException',
        message: "Parameter t: '2024-01-01T00:00:00Z' is not a valid TIMESTAMP value; use the format YYYY-MM-DD HH:MM:SS[.FFF].",
      });
      expect(await failure(exec({ sql: 'SELECT :d', parameters: [{ name: 'd', value: { longValue: 1 }, typeHint: 'DATE' }] }))).toMatchObject({ message: 'Parameter d: typeHint DATE applies to a stringValue only.' });
    });

    it('times a slow statement out and undoes it', async () => {
      const err = await failure(exec({ sql: "INSERT INTO crud (id, handle) SELECT gen_random_uuid(), 'slow' FROM pg_sleep(2)" }));
      expect(err).toMatchObject({ name: 'StatementTimeoutException', message: 'Request timed out', status: 400 });
      expect((await exec({ sql: 'SELECT count(*) FROM crud' })).records).toEqual([[{ longValue: 0 }]]);
    });

    it('keeps a statement running past the timeout with continueAfterTimeout', async () => {
      const call = failure(exec({ sql: "INSERT INTO crud (id, handle) SELECT gen_random_uuid(), 'kept' FROM pg_sleep(2)", continueAfterTimeout: true }));
      // A real server answers at the deadline while the statement goes on; PGlite, which blocks
      // this thread while it runs, answers when it ends. Either way the statement commits.
      const err = await call;
      if (backend.name === 'postgres') expect(err).toMatchObject({ name: 'StatementTimeoutException', message: 'Request timed out' });
      for (let i = 0; i < 50; i++) {
        const n = (await exec({ sql: "SELECT count(*) FROM crud WHERE handle = 'kept'" })).records?.[0][0].longValue;
        if (n === 1) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the statement did not commit');
    });

    it('rolls back a transaction left idle, whose id is then unknown', async () => {
      const idle = await startDataApi({ db, databaseName: 'cruddur', region, credentials: [credential], transactionLimits: { idleMs: 300 } });
      try {
        const { transactionId } = await idle.api.beginTransaction(target);
        await idle.api.executeStatement({ ...target, sql: "INSERT INTO crud (id, handle) VALUES (gen_random_uuid(), 'idle')", transactionId });
        await new Promise((r) => setTimeout(r, 1000));
        await expect(idle.api.executeStatement({ ...target, sql: 'SELECT 1', transactionId })).rejects.toMatchObject({ type: 'NotFoundException' });
        expect((await idle.api.executeStatement({ ...target, sql: 'SELECT count(*) FROM crud' })).records).toEqual([[{ longValue: 0 }]]);
      } finally {
        await idle.close();
      }
    });

    it('accepts only its own cluster, secret and signing key', async () => {
      expect(await failure(client.send(new ExecuteStatementCommand({ ...target, resourceArn: 'arn:aws:rds:us-east-1:000000000000:cluster:other', sql: 'SELECT 1' })))).toMatchObject({ name: 'NotFoundException', status: 404 });
      expect(await failure(client.send(new ExecuteStatementCommand({ ...target, secretArn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:other-AAAAAA', sql: 'SELECT 1' })))).toMatchObject({ name: 'ForbiddenException', status: 403 });
      const forged = new RDSDataClient({ endpoint: handle.endpoint, region, credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: 'x'.repeat(40) } });
      expect(await failure(forged.send(new ExecuteStatementCommand({ ...target, sql: 'SELECT 1' })))).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
      forged.destroy();
      const stranger = new RDSDataClient({ endpoint: handle.endpoint, region, credentials: { accessKeyId: 'AKIAAAAAAAAAAAAAAAAA', secretAccessKey: 'x'.repeat(40) } });
      expect(await failure(stranger.send(new ExecuteStatementCommand({ ...target, sql: 'SELECT 1' })))).toMatchObject({ name: 'UnrecognizedClientException', status: 403 });
      stranger.destroy();
    });

    it('answers with the error type header, and refuses foreign hosts and oversized bodies', async () => {
      const unsigned = await fetch(`${handle.endpoint}/Execute`, { method: 'POST', body: '{}' });
      expect([unsigned.status, unsigned.headers.get('x-amzn-errortype'), await unsigned.json()]).toEqual([403, 'MissingAuthenticationTokenException', { message: 'Missing Authentication Token' }]);
      const foreign = await new Promise<http.IncomingMessage>((resolve, reject) =>
        http.request(`${handle.endpoint}/Execute`, { method: 'POST', headers: { host: 'attacker.example' } }, resolve).on('error', reject).end('{}'),
      );
      foreign.resume();
      expect([foreign.statusCode, foreign.headers['x-amzn-errortype']]).toEqual([403, 'ForbiddenException']);
      const huge = await failure(exec({ sql: 'SELECT :s', parameters: [{ name: 's', value: { stringValue: 'x'.repeat(4 * 1024 * 1024) } }] }));
      expect(huge).toMatchObject({ name: 'BadRequestException', status: 400 });
    });
  });
});
