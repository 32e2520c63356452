/**
 * The RDS data source behind the engine: resolvers written with `@aws-appsync/utils/rds`, bundled
 * and run by the APPSYNC_JS runtime, their SQL executed on embedded Postgres, results and errors
 * back through GraphQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleResolver, discoverResolvers } from '../../../../../definitions/resolvers.ts';
import { openDatabase, type Database } from '../../../database/index.ts';
import { createDataApi, type DataApi } from '../../../data-api/index.ts';
import { createEngine, type AppSyncEngine } from '../../engine/create-engine.ts';
import { createRdsDataSource } from './index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const arns = { resourceArn: 'arn:aws:rds:us-east-1:000000000000:cluster:test', secretArn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:test-AAAAAA' };
let db: Database;
let api: DataApi;
let engine: AppSyncEngine;

beforeAll(async () => {
  db = await openDatabase({ url: '' });
  await db.query('CREATE TABLE post (author text PRIMARY KEY, likes int NOT NULL CHECK (likes >= 0))');
  api = createDataApi({ db, ...arns, databaseName: 'cruddur' });
  engine = await createEngine({
    schemaSource: await readFile(path.join(here, 'testing/schema.graphql'), 'utf8'),
    resolvers: discoverResolvers(path.join(here, 'testing/resolvers')),
    loadCode: bundleResolver,
    dataSources: { insights: createRdsDataSource({ name: 'insights', api, ...arns, database: 'cruddur' }) },
    defaultAuthMode: 'API_KEY',
    additionalAuthModes: [],
  });
}, 120_000);
afterAll(async () => {
  await api?.close();
  await db?.close();
});

const run = (query: string, variables: Record<string, unknown> = {}) => engine.execute({ query, variables }, { auth: { mode: 'API_KEY', identity: null }, requestId: randomUUID(), headers: {} });

describe('RDS resolvers through the engine', () => {
  it('inserts and reads back in one mutation, and selects with a where clause', async () => {
    await run('mutation { addPost(author: "ann", likes: 3) { author } }');
    const added = await run('mutation($a: String!, $n: Int!) { addPost(author: $a, likes: $n) { author likes } }', { a: 'bob', n: 7 });
    expect(added).toEqual({ data: { addPost: [{ author: 'bob', likes: 7 }, { author: 'ann', likes: 3 }] } });
    expect(await run('{ posts(minLikes: 5) { author likes } }')).toEqual({ data: { posts: [{ author: 'bob', likes: 7 }] } });
  });

  it('surfaces a SQL error as a GraphQL error with the Data API message and type', async () => {
    const failed = await run('mutation { addPost(author: "cy", likes: -1) { author } }');
    expect(failed.data).toBeNull();
    expect(failed.errors?.[0]).toMatchObject({
      errorType: '400 Bad Request',
      message: expect.stringMatching(/^RDSHttp:\{"message":"ERROR: new row for relation \\"post\\" violates check constraint \\"post_likes_check\\"/),
    });
  });
});
