/**
 * The few table operations the fan-out consumer needs, over the SDK's low-level client: paginated
 * queries, BatchWriteItem in chunks of 25 with UnprocessedItems retried, and idempotent
 * conditional writes (a retried stream record must not count or notify twice).
 */
import {
  BatchWriteItemCommand,
  GetItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  TransactionCanceledException,
  type QueryCommandInput,
  type TransactWriteItem,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { dynamoClient, tableName } from '../shared/table.ts';
import { SkPrefix, userKey, type Key } from '../../definitions/keys.ts';

export type Item = Record<string, any>;

const BATCH = 25;
const MAX_UNPROCESSED_ROUNDS = 8;

/** One item, strongly consistent (mode decisions must see the latest counters and flags). */
export async function getItem(key: Key): Promise<Item | undefined> {
  const res = await dynamoClient().send(new GetItemCommand({ TableName: tableName(), Key: marshall(key), ConsistentRead: true }));
  return res.Item ? unmarshall(res.Item) : undefined;
}

/** All items of a query (following LastEvaluatedKey), up to `max`. */
export async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>, max = Infinity): Promise<Item[]> {
  const out: Item[] = [];
  let start: QueryCommandInput['ExclusiveStartKey'];
  do {
    const res = await dynamoClient().send(new QueryCommand({ ...input, TableName: tableName(), ExclusiveStartKey: start }));
    for (const item of res.Items ?? []) out.push(unmarshall(item));
    start = res.LastEvaluatedKey;
  } while (start && out.length < max);
  return out.slice(0, max);
}

/** Items of one partition whose sort key starts with `prefix`. */
export function queryPrefix(pk: string, prefix: string, max = Infinity): Promise<Item[]> {
  return queryAll(
    { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: marshall({ ':pk': pk, ':p': prefix }) },
    max,
  );
}

/** Ids of everyone following `userId` (their `FOLLOWER#` rows). */
export async function followersOf(userId: string): Promise<string[]> {
  const rows = await queryPrefix(userKey(userId).pk, SkPrefix.FOLLOWER);
  return rows.map((r) => r.followerId as string);
}

async function batchWrite(requests: WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += BATCH) {
    let pending: WriteRequest[] = requests.slice(i, i + BATCH);
    for (let round = 0; pending.length > 0; round += 1) {
      if (round >= MAX_UNPROCESSED_ROUNDS) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed`);
      if (round > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** round));
      const res = await dynamoClient().send(new BatchWriteItemCommand({ RequestItems: { [tableName()]: pending } }));
      pending = res.UnprocessedItems?.[tableName()] ?? [];
    }
  }
}

/** Puts items (overwriting: every derived row has a deterministic key, so a retry rewrites the same row). */
export function putAll(items: Item[]): Promise<void> {
  return batchWrite(items.map((item) => ({ PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) } })));
}

/** Deletes keys (deleting a missing key is a no-op). */
export function deleteAll(keys: Key[]): Promise<void> {
  const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  return batchWrite(unique.map((key) => ({ DeleteRequest: { Key: marshall(key) } })));
}

/**
 * Runs a transaction of conditional writes, typically led by a "do once" guard (a conditional put
 * of a marker or of the row itself). Returns false when it was cancelled only by failed conditions:
 * the work was already done by an earlier delivery of the same record, or its target is gone.
 */
export async function transactOnce(items: TransactWriteItem[]): Promise<boolean> {
  try {
    await dynamoClient().send(new TransactWriteItemsCommand({ TransactItems: items }));
    return true;
  } catch (err) {
    if (err instanceof TransactionCanceledException) {
      const codes = (err.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
      if (codes.some((c) => c === 'ConditionalCheckFailed') && codes.every((c) => c === 'None' || c === 'ConditionalCheckFailed')) return false;
    }
    throw err;
  }
}

export { marshall, unmarshall };
