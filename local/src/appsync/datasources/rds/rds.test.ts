/**
 * The RELATIONAL_DATABASE data source on PGlite and on a real Postgres server, fed the request
 * objects the runtime's `@aws-appsync/utils/rds` builds and read back with its `toJsonObject`:
 * one Data API call per statement (at most two), typed variables and hints, the JSON text of
 * `sqlStatementResults`, and Data API errors as AppSync's `ctx.error`.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../database/index.ts';
import { databaseBackends, sharedDatabase, stopBackends } from '../../../database/testing/backends.ts';
import { createDataApi, type DataApi } from '../../../data-api/index.ts';
import { insert, select, sql, typeHint } from '../../runtime/lib/rds/builders.ts';
import { createPgStatement } from '../../runtime/lib/rds/statements.ts';
import { toJsonObject } from '../../runtime/lib/rds/to-json-object.ts';
import type { DataSource, InvocationInfo } from '../types.ts';
import { createRdsDataSource } from './index.ts';

afterAll(stopBackends);

const arns = { resourceArn: 'arn:aws:rds:us-east-1:000000000000:cluster:test', secretArn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:test-AAAAAA' };
const info: InvocationInfo = { requestId: 'r-1', context: {} };

describe.each(databaseBackends())('RDS data source on $name', (backend) => {
  describe.skipIf(backend.skip)(backend.skip ? `skipped: ${backend.skip}` : 'runs', () => {
    let db: Database;
    let api: DataApi;
    let source: DataSource;
    const database = sharedDatabase(backend);
    beforeEach(async () => {
      db = database();
      await db.query('CREATE TABLE post (id uuid PRIMARY KEY, author text NOT NULL, body text, likes int NOT NULL DEFAULT 0, at timestamp)');
      api = createDataApi({ db, ...arns, databaseName: 'cruddur' });
      source = createRdsDataSource({ name: 'insights', api, ...arns, database: 'cruddur' });
    });
    afterEach(() => api.close());

    it('runs an insert then a select and hands back the JSON text toJsonObject reads', async () => {
      const id = '9b2f3c1e-7a44-4f0e-a4b5-3c2d1e0f9a8b';
      const request = createPgStatement(
        insert({ table: 'post', values: { id: typeHint.UUID(id), author: 'ann', body: null, likes: 2, at: typeHint.TIMESTAMP('2024-05-01 10:00:00') } }),
        sql`SELECT author, likes, body, at FROM post WHERE id = ${typeHint.UUID(id)}`,
      );
      expect(request.statements).toHaveLength(2);
      const response = await source.invoke(request, info);
      expect(response.error).toBeUndefined();
      expect(typeof response.result).toBe('string');
      const parsed = JSON.parse(response.result as string) as { sqlStatementResults: Record<string, unknown>[] };
      expect(parsed.sqlStatementResults[0]).toEqual({ numberOfRecordsUpdated: 1, generatedFields: [] });
      expect(parsed.sqlStatementResults[1]).toMatchObject({ numberOfRecordsUpdated: 0, records: [[{ stringValue: 'ann' }, { longValue: 2 }, { isNull: true }, { stringValue: '2024-05-01 10:00:00' }]] });
      expect(toJsonObject(response.result)).toEqual([[{}], [{ author: 'ann', likes: 2, at: '2024-05-01 10:00:00' }]]);
    });

    it('builds selects with where clauses that run as written', async () => {
      await db.query("INSERT INTO post (id, author, likes) VALUES (gen_random_uuid(), 'ann', 1), (gen_random_uuid(), 'bob', 5), (gen_random_uuid(), 'cy', 9)");
      const request = createPgStatement(select({ table: 'post', columns: ['author'], where: { likes: { ge: 5 } }, orderBy: [{ column: 'author', dir: 'DESC' }] }));
      const response = await source.invoke(request, info);
      expect(toJsonObject(response.result)).toEqual([[{ author: 'cy' }, { author: 'bob' }]]);
    });

    it('reports a SQL error as ctx.error the way AppSync does, without running the second statement', async () => {
      const request = createPgStatement(sql`INSERT INTO post (id, author) VALUES (${'not-a-uuid'}, 'x')`, sql`INSERT INTO post (id, author) VALUES (gen_random_uuid(), 'y')`);
      const response = await source.invoke(request, info);
      expect(response.result).toBeNull();
      expect(response.error?.type).toBe('400 Bad Request');
      expect(response.error?.message).toMatch(/^RDSHttp:\{"message":"ERROR: column \\"id\\" is of type uuid but expression is of type character varying.*SQLState: 42804"\}$/);
      expect((await db.query('SELECT count(*) FROM post')).rows).toEqual([['0']]);
    });

    it('refuses request objects AppSync cannot run', async () => {
      expect(await source.invoke({ statements: ['SELECT 1', 'SELECT 2', 'SELECT 3'], variableMap: {} }, info)).toEqual({ result: null, error: { type: 'MappingTemplate', message: 'A request runs at most 2 statements.' } });
      expect((await source.invoke({ statements: [] }, info)).error?.type).toBe('MappingTemplate');
    });
  });
});
