/**
 * Creates the app's table from its definition (`AppDefinition.table`, the one infra/ deploys) with
 * its GSIs, stream and TTL setting. Idempotent: an existing table gets only what it lacks.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
  type CreateTableCommandInput,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import type { TableDefinition } from '../app-definition.ts';

function gsi(def: TableDefinition['globalSecondaryIndexes'][number]): GlobalSecondaryIndex {
  return {
    IndexName: def.indexName,
    KeySchema: [
      { AttributeName: def.partitionKey, KeyType: 'HASH' },
      { AttributeName: def.sortKey, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: def.projection },
  };
}

function attributes(def: TableDefinition, indexes = def.globalSecondaryIndexes) {
  const names = new Set([def.partitionKey, def.sortKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])]);
  return [...names].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const }));
}

/** The CreateTable request for `def` (shared with the embedded-table rebuild). */
export function createTableInput(tableName: string, def: TableDefinition): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributes(def),
    KeySchema: [
      { AttributeName: def.partitionKey, KeyType: 'HASH' },
      { AttributeName: def.sortKey, KeyType: 'RANGE' },
    ],
    // CreateTable refuses an empty list ("List of GlobalSecondaryIndexes is empty"): omit it.
    ...(def.globalSecondaryIndexes.length > 0 ? { GlobalSecondaryIndexes: def.globalSecondaryIndexes.map(gsi) } : {}),
    StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream },
  };
}

async function describe(client: DynamoDBClient, tableName: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (err) {
    if (err instanceof ResourceNotFoundException) return undefined;
    throw err;
  }
}

async function waitActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    const t = await describe(client, tableName);
    if (t?.TableStatus === 'ACTIVE' && (t.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === 'ACTIVE')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
}

/** Makes sure `tableName` exists with every GSI, its stream and TTL from `def`. */
export async function ensureTable(client: DynamoDBClient, tableName: string, def: TableDefinition): Promise<void> {
  const existing = await describe(client, tableName);
  if (!existing) {
    await client.send(new CreateTableCommand(createTableInput(tableName, def)));
  } else {
    const have = new Set((existing.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
    for (const index of def.globalSecondaryIndexes.filter((i) => !have.has(i.indexName))) {
      // DynamoDB allows one GSI creation per UpdateTable call.
      // (The embedded store cannot do this; startDynamo rebuilds its table first, see table-rebuild.ts.)
      await client.send(
        new UpdateTableCommand({ TableName: tableName, AttributeDefinitions: attributes(def, [index]), GlobalSecondaryIndexUpdates: [{ Create: gsi(index) }] }),
      );
      await waitActive(client, tableName);
    }
  }
  await waitActive(client, tableName);
  if (existing && existing.StreamSpecification?.StreamEnabled !== true) {
    // A table from before stream settings were kept (or one whose stream was disabled).
    await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream } }));
    await waitActive(client, tableName);
  }
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const description = ttl.TimeToLiveDescription;
  if (description?.TimeToLiveStatus !== 'ENABLED' && description?.TimeToLiveStatus !== 'ENABLING') {
    await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: def.timeToLiveAttribute, Enabled: true } }));
  }
}
