/**
 * Adds the index attributes and rows that items written before decisions 034 and 041 lack: name
 * rows for search by any word of a name (and the old per-profile gsi2 name key dropped), gsi1 on
 * like rows (likedCruds), gsi3 on replies (userReplies). One Scan, then conditional writes:
 *
 * - likes and replies: `SET` only if the item still exists and still lacks the attribute, so an
 *   unlike, a delete or a second run in between is no error and writes nothing;
 * - names: one transaction per profile that checks the name is still the one the rows were built
 *   from, so a rename (which writes its own rows) or a deleted account meanwhile makes the backfill
 *   skip that profile rather than write stale rows.
 *
 * Safe to re-run (a second run finds nothing to do) and to run while the app serves traffic.
 * Run as `npm run backfill:indexes` (docs/deploy.md).
 */
import { ScanCommand, TransactWriteItemsCommand, type ScanCommandOutput, UpdateItemCommand, type DynamoDBClient, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { ItemType, SortKey, gsi, userKey } from '../../definitions/keys.ts';
import { indexUpdateFor, nameRepairFor, type IndexUpdate, type Item, type SeenProfile } from './missing.ts';

export interface IndexBackfillResult {
  scanned: number;
  likes: number;
  replies: number;
  /** Profiles whose name rows were written or repaired. */
  names: number;
  /** Writes skipped because the item changed or went away since the scan. */
  skipped: number;
}

const isConditionFailure = (err: unknown): boolean =>
  err instanceof Error && (err.name === 'ConditionalCheckFailedException' || err.name === 'TransactionCanceledException');

/** Scans `tableName` and adds what is missing; resolves with what it did. */
export async function backfillIndexes(dynamo: DynamoDBClient, tableName: string): Promise<IndexBackfillResult> {
  const result: IndexBackfillResult = { scanned: 0, likes: 0, replies: 0, names: 0, skipped: 0 };
  const profiles: SeenProfile[] = [];
  const nameRows = new Map<string, Map<string, string>>();
  let startKey: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page = await dynamo.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey }));
    for (const raw of page.Items ?? []) {
      result.scanned += 1;
      const item = unmarshall(raw);
      if (item.sk === SortKey.PROFILE && typeof item.displayName === 'string') {
        profiles.push({ id: item.id, displayName: item.displayName, legacyKey: item.gsi2pk === gsi.namePrefix });
      } else if (item.type === ItemType.NAMEWORD) {
        const rows = nameRows.get(item.userId) ?? new Map<string, string>();
        nameRows.set(item.userId, rows.set(item.sk, item.gsi2sk));
      } else {
        const update = indexUpdateFor(item);
        if (!update) continue;
        if (await applyUpdate(dynamo, tableName, update)) result[update.kind === 'like' ? 'likes' : 'replies'] += 1;
        else result.skipped += 1;
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  for (const profile of profiles) {
    const repair = nameRepairFor(profile, nameRows.get(profile.id));
    if (!repair) continue;
    if (await repairNames(dynamo, tableName, profile, repair)) result.names += 1;
    else result.skipped += 1;
  }
  return result;
}

async function applyUpdate(dynamo: DynamoDBClient, TableName: string, u: IndexUpdate): Promise<boolean> {
  const names: Record<string, string> = { '#pk': 'pk', '#missing': u.missing };
  const values: Item = {};
  const sets = Object.keys(u.set).map((attr, i) => {
    names[`#a${i}`] = attr;
    values[`:v${i}`] = u.set[attr];
    return `#a${i} = :v${i}`;
  });
  try {
    await dynamo.send(
      new UpdateItemCommand({
        TableName,
        Key: marshall(u.key),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#missing)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: marshall(values),
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

async function repairNames(dynamo: DynamoDBClient, TableName: string, profile: SeenProfile, repair: NonNullable<ReturnType<typeof nameRepairFor>>): Promise<boolean> {
  const Key = marshall(userKey(profile.id));
  const still = { ConditionExpression: '#dn = :dn', ExpressionAttributeNames: { '#dn': 'displayName' }, ExpressionAttributeValues: marshall({ ':dn': profile.displayName }) };
  // The profile's old gsi2 name key goes in the same transaction; otherwise only its name is checked.
  const guard: TransactWriteItem = profile.legacyKey
    ? { Update: { TableName, Key, UpdateExpression: 'REMOVE gsi2pk, gsi2sk', ...still } }
    : { ConditionCheck: { TableName, Key, ...still } };
  const items: TransactWriteItem[] = [
    guard,
    ...repair.put.map((row) => ({ Put: { TableName, Item: marshall(row) } })),
    ...repair.remove.map((key) => ({ Delete: { TableName, Key: marshall(key) } })),
  ];
  try {
    await dynamo.send(new TransactWriteItemsCommand({ TransactItems: items }));
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}
