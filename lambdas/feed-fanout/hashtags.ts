/**
 * Hashtag index rows (`TAG#<tag>` / `<crud id>`, for hashtagCruds) and trending counts per 6-hour
 * bucket (`TRENDS#<bucket>` / `TAG#<tag>`). The index rows are idempotent puts; the count is
 * guarded by a once-per-crud marker in the same transaction, so a replayed record counts once.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import { hashtagKey, ItemType, TREND_BUCKET_SECONDS, trendBucket, trendKey, trendMarkerKey } from '../../definitions/keys.ts';
import { putAll, transactOnce, type Item } from './table-ops.ts';
import { tableName } from '../shared/table.ts';

/** Trend rows outlive their bucket by two days (the window reads the current and previous bucket). */
const TREND_RETENTION_SECONDS = 2 * 86400;

/** A crud's hashtag index rows. */
export function hashtagRows(crud: Item): Item[] {
  const tags = (crud.hashtags as string[] | undefined) ?? [];
  return tags.map((tag) => ({ ...hashtagKey(tag, crud.id), type: ItemType.TAGGED, tag, crudId: crud.id, expiresAt: crud.expiresAt }));
}

/** Where a crud's tags are counted: its 6-hour bucket, the rows' expiry, and its once-only marker. */
export function trendCounting(crud: Item): { bucket: number; expiresAt: number; marker: Item } {
  const bucket = trendBucket(Math.floor(Date.parse(crud.createdAt) / 1000));
  const expiresAt = (bucket + 1) * TREND_BUCKET_SECONDS + TREND_RETENTION_SECONDS;
  return { bucket, expiresAt, marker: { ...trendMarkerKey(crud.id), type: ItemType.MARKER, expiresAt } };
}

export async function onCrudCreatedTags(crud: Item): Promise<void> {
  const tags = (crud.hashtags as string[] | undefined) ?? [];
  if (tags.length === 0) return;
  await putAll(hashtagRows(crud));
  const { bucket, expiresAt, marker } = trendCounting(crud);
  await transactOnce([
    { Put: { TableName: tableName(), Item: marshall(marker), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...tags.map((tag) => ({
      Update: {
        TableName: tableName(),
        Key: marshall(trendKey(bucket, tag)),
        UpdateExpression: 'ADD #count :one SET #type = :type, #tag = :tag, #exp = :exp',
        ExpressionAttributeNames: { '#count': 'count', '#type': 'type', '#tag': 'tag', '#exp': 'expiresAt' },
        ExpressionAttributeValues: marshall({ ':one': 1, ':type': ItemType.TREND, ':tag': tag, ':exp': expiresAt }),
      },
    })),
  ]);
}
