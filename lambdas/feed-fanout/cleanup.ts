/**
 * What goes when a crud goes: its like and repost rows (their REMOVE records then clear the
 * reposts' feed rows), its bookmarks (found through gsi3) and its hashtag index rows. Replies stay: they are other people's words, and
 * the thread shows them under a "this crud was deleted" tombstone (as Twitter/X and Mastodon do);
 * a reply expires with the crud it answered (same expiresAt), so expiry still takes them together.
 * Counters are not touched here: explicit deletes adjust them in the deleting transaction, and
 * TTL expiries are handled once by counters/ (see docs/decisions/009).
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import { crudKey, gsi, hashtagKey, SkPrefix } from '../../definitions/keys.ts';
import { deleteAll, queryAll, queryPrefix, type Item } from './table-ops.ts';

export async function onCrudRemovedChildren(crud: Item): Promise<void> {
  const { pk } = crudKey(crud.id);
  const edges = [...(await queryPrefix(pk, SkPrefix.LIKE)), ...(await queryPrefix(pk, SkPrefix.REPOST))];
  const bookmarks = await queryAll({
    IndexName: 'gsi3',
    KeyConditionExpression: 'gsi3pk = :pk',
    ExpressionAttributeValues: marshall({ ':pk': gsi.bookmarkedBy(crud.id) }),
    ProjectionExpression: 'pk, sk',
  });
  const tags = ((crud.hashtags as string[] | undefined) ?? []).map((t) => hashtagKey(t, crud.id));
  await deleteAll([...edges.map((e) => ({ pk: e.pk, sk: e.sk })), ...bookmarks.map((b) => ({ pk: b.pk, sk: b.sk })), ...tags]);
}
