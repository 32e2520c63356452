/**
 * Home-feed rows (`FEED#<recipient>` / `<event id>`): written for the author and each follower
 * when a crud is posted, for the reposter and their followers when it is reposted, back-filled on
 * follow and removed on unfollow, unrepost and crud removal. Row keys are deterministic (crud id or
 * repost id), so replays rewrite the same rows. Rows carry the crud's expiresAt: TTL removes them
 * with the crud, and reads filter them the moment it expires.
 *
 * Pulled accounts (pulled.ts, decision 026) get only their own row; their followers' feeds merge
 * the account's RECENT item at read time instead of one row each.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import { feedKey, gsi, ItemType, pullKey, userKey } from '../../definitions/keys.ts';
import { deleteAll, followersOf, getItem, putAll, queryAll, type Item } from './table-ops.ts';
import { putPullRow, wasPushed } from './pulled.ts';
import { addRecent, removeRecent } from './recent.ts';
import { shieldedFrom } from './safety.ts';

/** How many of a followee's newest cruds a new follow back-fills. */
export const BACKFILL_LIMIT = 20;

export type Reason = 'OWN' | 'FOLLOWING' | 'REPOST';

/** One feed row as the consumer writes it (also used by the large fixture's bulk builder). */
export function feedRow(recipientId: string, eventId: string, crud: Item, reason: Reason, createdAt: string, sourceUserId: string, repostedById?: string): Item {
  const key = feedKey(recipientId, eventId);
  const row: Item = {
    ...key,
    type: ItemType.FEED,
    recipientId,
    crudId: crud.id,
    reason,
    sourceUserId,
    createdAt,
    expiresAt: crud.expiresAt,
  };
  if (repostedById) row.repostedById = repostedById;
  return row;
}

/** A new top-level crud: the author's own feed and every follower's. Replies stay in their thread. */
export async function onCrudCreated(crud: Item): Promise<void> {
  if (crud.replyToId) return;
  const own = feedRow(crud.authorId, crud.id, crud, 'OWN', crud.createdAt, crud.authorId);
  if ((await getItem(userKey(crud.authorId)))?.celebrity === true) {
    await putAll([own]);
    await addRecent(crud.authorId, { id: crud.id, crudId: crud.id, reason: 'FOLLOWING', createdAt: crud.createdAt, expiresAt: crud.expiresAt });
    return;
  }
  // Followers who block, are blocked by, or mute the author get nothing (docs/safety.md).
  const shielded = await shieldedFrom(crud.authorId);
  const followers = (await followersOf(crud.authorId)).filter((f) => !shielded.has(f));
  const rows = [own];
  for (const f of followers) rows.push(feedRow(f, crud.id, crud, 'FOLLOWING', crud.createdAt, crud.authorId));
  await putAll(rows);
}

/** A repost: the reposter's feed and their followers', keyed by the repost's own id. */
export async function onRepostCreated(repost: Item): Promise<void> {
  const crud = { id: repost.crudId, expiresAt: repost.expiresAt };
  if ((await getItem(userKey(repost.userId)))?.celebrity === true) {
    await putAll([feedRow(repost.userId, repost.repostId, crud, 'REPOST', repost.createdAt, repost.userId, repost.userId)]);
    const entry = { id: repost.repostId, crudId: repost.crudId, reason: 'REPOST' as const, createdAt: repost.createdAt, expiresAt: repost.expiresAt, repostedById: repost.userId };
    await addRecent(repost.userId, entry);
    return;
  }
  // Nobody shielded from the crud's author or from the reposter gets the repost.
  const shielded = new Set([...(await shieldedFrom(repost.crudAuthorId)), ...(await shieldedFrom(repost.userId))]);
  const followers = (await followersOf(repost.userId)).filter((f) => !shielded.has(f));
  const recipients = [repost.userId, ...followers];
  await putAll(recipients.map((r) => feedRow(r, repost.repostId, crud, 'REPOST', repost.createdAt, repost.userId, repost.userId)));
}

export async function onRepostRemoved(repost: Item): Promise<void> {
  await removeRecent(repost.userId, (e) => e.id === repost.repostId);
  const followers = wasPushed(await getItem(userKey(repost.userId)), repost.createdAt) ? await followersOf(repost.userId) : [];
  await deleteAll([repost.userId, ...followers].map((r) => feedKey(r, repost.repostId)));
}

/**
 * A new follow back-fills the followee's newest live top-level cruds, or, when the followee is
 * pulled, adds the PULL row through which the follower's feed merges them.
 */
export async function onFollowCreated(follow: Item): Promise<void> {
  if ((await getItem(userKey(follow.followeeId)))?.celebrity === true) {
    await putPullRow(follow.followerId, follow.followeeId);
    return;
  }
  const now = Math.floor(Date.now() / 1000);
  const cruds = await queryAll(
    {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      FilterExpression: 'expiresAt > :now',
      ExpressionAttributeValues: marshall({ ':pk': gsi.userCruds(follow.followeeId), ':now': now }),
      ScanIndexForward: false,
    },
    BACKFILL_LIMIT,
  );
  // Back-filled rows are old news: marked so the live consumer does not push them as new items.
  await putAll(cruds.map((c) => ({ ...feedRow(follow.followerId, c.id, c, 'FOLLOWING', c.createdAt, follow.followeeId), backfilled: true })));
}

/** An unfollow removes every row the followee put into the follower's feed (their cruds and reposts). */
export async function onFollowRemoved(follow: Item): Promise<void> {
  const rows = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: 'sourceUserId = :src',
    ExpressionAttributeValues: marshall({ ':pk': feedKey(follow.followerId, '').pk, ':src': follow.followeeId }),
    ProjectionExpression: 'pk, sk',
  });
  await deleteAll([pullKey(follow.followerId, follow.followeeId), ...rows.map((r) => ({ pk: r.pk, sk: r.sk }))]);
}

/** A crud is gone (deleted or expired): its RECENT entry, its rows in the author's and current followers' feeds. */
export async function onCrudRemovedFeeds(crud: Item): Promise<void> {
  if (crud.replyToId) return;
  await removeRecent(crud.authorId, (e) => e.id === crud.id);
  // A pulled crud is in no follower's feed; older ones were pushed before the account became pulled.
  const followers = wasPushed(await getItem(userKey(crud.authorId)), crud.createdAt) ? await followersOf(crud.authorId) : [];
  await deleteAll([crud.authorId, ...followers].map((r) => feedKey(r, crud.id)));
}
