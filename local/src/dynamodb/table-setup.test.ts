import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DescribeTimeToLiveCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { table } from '../../../definitions/table.ts';
import { startDynamo } from './index.ts';
import { table as cruddurTable } from '../../../definitions/table.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-setup-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('table from definitions/table.ts', () => {
  it('defaults to cruddur-local and creates the table idempotently', async () => {
    for (let i = 0; i < 2; i += 1) {
      const stack = await startDynamo({ table: cruddurTable, dataDir, ttlIntervalMs: 0 });
      try {
        expect(stack.tableName).toBe('cruddur-local');
        const { Table } = await stack.client.send(new DescribeTableCommand({ TableName: 'cruddur-local' }));
        expect(Table?.GlobalSecondaryIndexes).toHaveLength(table.globalSecondaryIndexes.length);
      } finally {
        await stack.close();
      }
    }
  });

  it('rebuilds an older embedded table that lacks indexes, keeping its items and writing no records', async () => {
    const first = await startDynamo({ table: cruddurTable, dataDir, ttlIntervalMs: 0 });
    await first.client.send(
      new CreateTableCommand({
        TableName: 'older',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [{ IndexName: 'gsi1', KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'gsi1sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    for (let i = 0; i < 30; i += 1) {
      await first.client.send(new PutItemCommand({ TableName: 'older', Item: { pk: { S: `P${i}` }, sk: { S: 'S' }, gsi2pk: { S: 'G' }, gsi2sk: { S: String(i).padStart(2, '0') } } }));
    }
    await first.close();

    const stack = await startDynamo({ table: cruddurTable, dataDir, ttlIntervalMs: 0, tableName: 'older' });
    try {
      const { Table } = await stack.client.send(new DescribeTableCommand({ TableName: 'older' }));
      expect(Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(['gsi1', 'gsi2', 'gsi3']);
      const byGsi2 = await stack.client.send(new QueryCommand({ TableName: 'older', IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :g', ExpressionAttributeValues: { ':g': { S: 'G' } } }));
      expect(byGsi2.Items).toHaveLength(30);
      expect((await stack.client.send(new DescribeTimeToLiveCommand({ TableName: 'older' }))).TimeToLiveDescription?.AttributeName).toBe('expiresAt');
      expect(stack.streams.hub.log('older').readAfter(null, 100)).toHaveLength(30);
    } finally {
      await stack.close();
    }
  });

  it('finishes a rebuild interrupted by a crash from its saved copy', async () => {
    const items = [{ pk: { S: 'kept' }, sk: { S: '1' } }];
    fs.writeFileSync(path.join(dataDir, 'dynamodb', 'rebuild-interrupted.jsonl'), items.map((i) => JSON.stringify(i) + '\n').join(''));
    const stack = await startDynamo({ table: cruddurTable, dataDir, ttlIntervalMs: 0, tableName: 'interrupted' });
    try {
      const out = await stack.client.send(new QueryCommand({ TableName: 'interrupted', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'kept' } } }));
      expect(out.Items).toEqual(items);
      expect(fs.existsSync(path.join(dataDir, 'dynamodb', 'rebuild-interrupted.jsonl'))).toBe(false);
    } finally {
      await stack.close();
    }
  });
});
