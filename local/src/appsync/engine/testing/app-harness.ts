/**
 * The app's own schema and resolvers on the real engine, over the embedded DynamoDB, with a page of
 * public cruds written as createCrud writes them. The DynamoDB client talks to the store through a
 * counting HTTP proxy, so tests can see what actually reaches the store and when. Data sources
 * these tests never reach (the avatar Lambda, Postgres) are NONE stand-ins.
 */
import fs from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { bundleResolver, discoverResolvers } from '../../../../../definitions/resolvers.ts';
import { createDynamoDbDataSource } from '../../datasources/dynamodb/index.ts';
import { createNoneDataSource } from '../../datasources/none.ts';
import type { DataSource } from '../../datasources/types.ts';
import { createEngine, type AppSyncEngine, type EngineLimits } from '../create-engine.ts';
import { startDynamo, type DynamoStack } from '../../../dynamodb/index.ts';
import { repoRoot } from '../../../lambda-runtime/invoke.ts';
import { table as cruddurTable } from '../../../../../definitions/table.ts';

/** Counts the requests that reach the store, and how many are still open. */
export interface StoreTap {
  arrived: number;
  open: number;
}

export interface AppFixture {
  stack: DynamoStack;
  tap: StoreTap;
  /** Data-source calls the engine made (invocations of the table data source). */
  calls: { started: number; byRequest: Map<string, number> };
  engine(limits?: EngineLimits): Promise<AppSyncEngine>;
  close(): Promise<void>;
}

/** A pass-through proxy in front of the store's endpoint. */
async function startTap(target: string): Promise<{ server: Server; url: string; tap: StoreTap }> {
  const tap: StoreTap = { arrived: 0, open: 0 };
  const to = new URL(target);
  const server = createServer((req, res) => {
    tap.arrived++;
    tap.open++;
    res.once('close', () => tap.open--);
    const upstream = httpRequest({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.once('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tap };
}

/** Starts the store with `cruds` live top-level cruds by one author, in the public feed. */
export async function startAppFixture(cruds = 100): Promise<AppFixture> {
  const stack = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
  const proxy = await startTap(stack.endpoint);
  const client = new DynamoDBClient({ endpoint: proxy.url, region: stack.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const put = (item: Record<string, unknown>) => stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: marshall(item) }));
  await put({ pk: 'USER#u1', sk: 'PROFILE', type: 'USER', id: 'u1', handle: 'ann', displayName: 'Ann', bio: '', followersCount: 0, followingCount: 0, crudsCount: cruds, createdAt: '2026-01-01T00:00:00.000Z', gsi1pk: 'HANDLE_PREFIX', gsi1sk: 'ann' });
  const expiresAt = Math.floor(Date.now() / 1000) + 86_400;
  for (let i = 0; i < cruds; i++) {
    const id = `01J${String(i).padStart(23, '0')}`;
    await put({
      pk: `CRUD#${id}`, sk: 'CRUD', type: 'CRUD', id, authorId: 'u1', message: `crud number ${i}`, createdAt: '2026-01-01T00:00:00.000Z', expiresAt,
      repliesCount: 0, likesCount: 0, repostsCount: 0, hashtags: [], mentions: [], gsi2pk: 'CRUDS#u1', gsi2sk: id, gsi3pk: 'PUBLIC', gsi3sk: id,
    });
  }
  const calls = { started: 0, byRequest: new Map<string, number>() };
  const table = createDynamoDbDataSource({ name: 'table', client, tableName: stack.tableName, aliases: [cruddurTable.logicalName] });
  const counted: DataSource = {
    name: table.name,
    type: table.type,
    invoke(request, info) {
      calls.started++;
      calls.byRequest.set(info.requestId, (calls.byRequest.get(info.requestId) ?? 0) + 1);
      return table.invoke(request, info);
    },
  };
  const schemaSource = fs.readFileSync(path.join(repoRoot, 'schema.graphql'), 'utf8');
  return {
    stack,
    tap: proxy.tap,
    calls,
    engine: (limits) =>
      createEngine({
        schemaSource,
        resolvers: discoverResolvers(),
        loadCode: bundleResolver,
        dataSources: { table: counted, NONE: createNoneDataSource('NONE'), avatarUploads: createNoneDataSource('avatarUploads'), insights: createNoneDataSource('insights') },
        defaultAuthMode: 'AWS_LAMBDA',
        additionalAuthModes: ['AWS_IAM'],
        env: { TABLE_NAME: stack.tableName },
        limits,
      }),
    async close() {
      client.destroy();
      await new Promise((resolve) => proxy.server.close(resolve));
      await stack.close();
    },
  };
}

/** `count` aliases of `field` with `selection`, in one query. */
export function aliases(count: number, field: string, selection: string): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field} { ${selection} }`).join(' ')} }`;
}
