/**
 * Blocks and mutes on the consumer side (docs/safety.md): a block ends follows both ways, and
 * fan-out and notifications skip whoever blocks, is blocked by, or mutes the author or actor.
 * Resolvers refuse the writes a block forbids; this keeps derived rows from crossing it.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import { followerKey, followsKey, safetyKey, safetyRelationOf, SAFETY_PREFIX, userKey } from '../../definitions/keys.ts';
import { tableName } from '../shared/table.ts';
import { getItem, queryPrefix, transactOnce, type Item } from './table-ops.ts';

/** Ids of everyone who must not get `authorId`'s cruds or reposts in their feed. */
export async function shieldedFrom(authorId: string): Promise<Set<string>> {
  const rows = await queryPrefix(userKey(authorId).pk, SAFETY_PREFIX);
  const out = new Set<string>();
  for (const row of rows) {
    const { relation, otherId } = safetyRelationOf(row.sk as string);
    if (relation === 'BLOCKS' || relation === 'BLOCKEDBY' || relation === 'MUTEDBY') out.add(otherId);
  }
  return out;
}

/** True when `recipientId` blocks, is blocked by, or mutes `actorId` (no notification then). */
export async function isShielded(recipientId: string, actorId: string): Promise<boolean> {
  const rows = await Promise.all((['BLOCKS', 'BLOCKEDBY', 'MUTES'] as const).map((r) => getItem(safetyKey(recipientId, r, actorId))));
  return rows.some((r) => r !== undefined);
}

/** Ends one direction of a follow with its counters, once (already gone: nothing to do). */
function endFollow(followerId: string, followeeId: string): Promise<boolean> {
  const exists = { ConditionExpression: 'attribute_exists(pk)' };
  const dec = (id: string, counter: string) => ({
    Update: {
      TableName: tableName(),
      Key: marshall(userKey(id)),
      UpdateExpression: 'ADD #c :minus',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#c': counter },
      ExpressionAttributeValues: marshall({ ':minus': -1 }),
    },
  });
  return transactOnce([
    { Delete: { TableName: tableName(), Key: marshall(followsKey(followerId, followeeId)), ...exists } },
    { Delete: { TableName: tableName(), Key: marshall(followerKey(followeeId, followerId)), ...exists } },
    dec(followerId, 'followingCount'),
    dec(followeeId, 'followersCount'),
  ]);
}

/**
 * A new block ends follows both ways; their REMOVE records then clear the feeds (feed.ts) and
 * bring the push/pull mode in line, as an unfollow does.
 */
export async function onBlockCreated(block: Item): Promise<void> {
  await endFollow(block.userId, block.targetId);
  await endFollow(block.targetId, block.userId);
}
