/**
 * Counter corrections for cruds removed by TTL. An explicit deleteCrud adjusts crudsCount /
 * repliesCount in its own transaction; a TTL deletion has no resolver, so its stream record
 * (marked with the DynamoDB service as userIdentity) does it here — once, guarded by a marker row
 * written in the same transaction.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { crudKey, expiryMarkerKey, ItemType, userKey } from '../../definitions/keys.ts';
import { tableName } from '../shared/table.ts';
import { transactOnce, type Item } from './table-ops.ts';

/** Markers outlive any stream retry window (24 h) comfortably. */
const MARKER_TTL_SECONDS = 2 * 86400;

function decrement(key: { pk: string; sk: string }, counter: string): TransactWriteItem {
  return {
    Update: {
      TableName: tableName(),
      Key: marshall(key),
      UpdateExpression: 'ADD #c :minus',
      ConditionExpression: 'attribute_exists(pk) AND #c > :zero',
      ExpressionAttributeNames: { '#c': counter },
      ExpressionAttributeValues: marshall({ ':minus': -1, ':zero': 0 }),
    },
  };
}

/**
 * Decrements the author's crudsCount (top-level cruds) or the parent's repliesCount (replies,
 * while the parent exists — it usually expires at the same moment). Returns whether it applied.
 */
export async function onCrudExpired(crud: Item): Promise<boolean> {
  const marker = { ...expiryMarkerKey(crud.id), type: ItemType.MARKER, expiresAt: Math.floor(Date.now() / 1000) + MARKER_TTL_SECONDS };
  const target = crud.replyToId ? decrement(crudKey(crud.replyToId), 'repliesCount') : decrement(userKey(crud.authorId), 'crudsCount');
  return transactOnce([{ Put: { TableName: tableName(), Item: marshall(marker), ConditionExpression: 'attribute_not_exists(pk)' } }, target]);
}
