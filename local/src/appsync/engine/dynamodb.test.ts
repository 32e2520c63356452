import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleResolver, discoverResolvers } from '../../../../definitions/resolvers.ts';
import { createDynamoDbDataSource } from '../datasources/dynamodb/index.ts';
import { createEngine, type AppSyncEngine } from './create-engine.ts';
import { startDynamo, type DynamoStack } from '../../dynamodb/index.ts';
import { fixtures, lambdaAuth, opts } from './testing/harness.ts';
import { table as cruddurTable } from '../../../../definitions/table.ts';

let stack: DynamoStack;
let engine: AppSyncEngine;
const dir = path.join(fixtures, 'dynamo');

beforeAll(async () => {
  stack = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
  engine = await createEngine({
    schemaSource: fs.readFileSync(path.join(dir, 'schema.graphql'), 'utf8'),
    resolvers: discoverResolvers(path.join(dir, 'resolvers')),
    loadCode: bundleResolver,
    dataSources: { table: createDynamoDbDataSource({ name: 'table', client: stack.client, tableName: stack.tableName, aliases: [cruddurTable.logicalName] }) },
    defaultAuthMode: 'AWS_LAMBDA',
    additionalAuthModes: [],
  });
});
afterAll(() => stack.close());

describe('with the embedded DynamoDB', () => {
  it('writes, reads back and queries through the data source', async () => {
    for (const [id, text] of [['b', 'second'], ['a', 'first']]) {
      const r = await engine.execute({ query: 'mutation($id: ID!, $t: String!) { createNote(id: $id, text: $t) { id text version } }', variables: { id, t: text } }, opts(lambdaAuth));
      expect(r).toEqual({ data: { createNote: { id, text, version: 1 } } });
    }
    expect(await engine.execute({ query: '{ note(id: "a") { text } missing: note(id: "z") { text } }' }, opts())).toEqual({ data: { note: { text: 'first' }, missing: null } });
    expect(await engine.execute({ query: '{ notes { id } }' }, opts())).toEqual({ data: { notes: [{ id: 'a' }, { id: 'b' }] } });
  });

  it("surfaces a failed condition as AppSync's DynamoDB error when the resolver raises it", async () => {
    const r = await engine.execute({ query: 'mutation { createNote(id: "a", text: "again") { id } }' }, opts());
    expect(r.data).toEqual({ createNote: null });
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]).toMatchObject({ path: ['createNote'], errorType: 'DynamoDB:ConditionalCheckFailedException', data: null, errorInfo: null });
    expect(r.errors![0].message).toMatch(/conditional request failed/i);
  });
});
