/**
 * Test support for the fan-out consumer (Node only): an embedded DynamoDB whose committed stream
 * records are collected, so a test writes rows, takes the records they produced and hands them
 * to the handler in the exact Lambda shape (replays included).
 */
import { GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { startDynamo, type StreamRecord } from '../../../local/src/dynamodb/index.ts';
import { crudKey, followerKey, followsKey, gsi, ItemType, userKey, type Key } from '../../../definitions/keys.ts';
import { table as cruddurTable } from '../../../definitions/table.ts';

/** Starts a table for `tableName`, points the Lambda environment at it and returns the helpers. */
export async function startFanoutTable(tableName: string) {
  const dynamo = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0, tableName });
  Object.assign(process.env, {
    TABLE_NAME: dynamo.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: dynamo.region,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  let records: StreamRecord[] = [];
  dynamo.streams.subscribe((r) => records.push(r));

  const put = (item: Record<string, unknown>) => dynamo.client.send(new PutItemCommand({ TableName: dynamo.tableName, Item: marshall(item, { removeUndefinedValues: true }) }));
  const get = async (key: Key) => {
    const r = await dynamo.client.send(new GetItemCommand({ TableName: dynamo.tableName, Key: marshall(key), ConsistentRead: true }));
    return r.Item ? unmarshall(r.Item) : undefined;
  };
  const partition = async (pk: string) => {
    const r = await dynamo.client.send(new QueryCommand({ TableName: dynamo.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: marshall({ ':pk': pk }) }));
    return (r.Items ?? []).map((i) => unmarshall(i));
  };
  /** The records committed since the last call, once the stream has delivered them. */
  async function takeRecords(): Promise<StreamRecord[]> {
    await dynamo.streams.idle();
    const out = records;
    records = [];
    return out;
  }
  const follow = async (a: string, b: string) => {
    const row = { followerId: a, followeeId: b, createdAt: '2026-11-27T00:00:00Z' };
    await put({ ...followsKey(a, b), type: ItemType.FOLLOWS, ...row });
    await put({ ...followerKey(b, a), type: ItemType.FOLLOWER, ...row });
  };
  return { dynamo, put, get, partition, takeRecords, follow };
}

export const event = (rs: StreamRecord[]): DynamoDBStreamEvent => ({ Records: rs as unknown as DynamoDBStreamEvent['Records'] });

export const profile = (id: string, extra: Record<string, unknown> = {}) => ({
  ...userKey(id),
  id,
  handle: id,
  handleLower: id,
  displayName: id,
  createdAt: '2026-11-27T00:00:00Z',
  followersCount: 0,
  followingCount: 0,
  crudsCount: 1,
  gsi1pk: 'HANDLE_PREFIX',
  gsi1sk: id,
  ...extra,
});

export const crud = (id: string, authorId: string, extra: Record<string, unknown> = {}) => ({
  ...crudKey(id),
  type: ItemType.CRUD,
  id,
  authorId,
  message: 'hello #Tag',
  createdAt: new Date().toISOString(),
  expiresAt: Math.floor(Date.now() / 1000) + 3600,
  repliesCount: 0,
  likesCount: 0,
  repostsCount: 0,
  hashtags: ['tag'],
  mentions: [],
  gsi2pk: gsi.userCruds(authorId),
  gsi2sk: id,
  gsi3pk: 'PUBLIC',
  gsi3sk: id,
  ...extra,
});
