/**
 * What goes when a crud goes: its like and repost rows (their REMOVE records then clear the
 * reposts' feed rows), its replies (each cascades the same way), and its hashtag index rows.
 * Counters are not touched here: explicit deletes adjust them in the deleting transaction, and
 * TTL expiries are handled once by counters/ (see docs/decisions/009).
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import { crudKey, gsi, hashtagKey, SkPrefix } from '../../definitions/keys.ts';
import { deleteAll, queryAll, queryPrefix, type Item } from './table-ops.ts';

export async function onCrudRemovedChildren(crud: Item): Promise<void> {
  const { pk } = crudKey(crud.id);
  const edges = [...(await queryPrefix(pk, SkPrefix.LIKE)), ...(await queryPrefix(pk, SkPrefix.REPOST))];
  const replies = await queryAll({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: marshall({ ':pk': gsi.replies(crud.id) }),
  });
  const tags = ((crud.hashtags as string[] | undefined) ?? []).map((t) => hashtagKey(t, crud.id));
  await deleteAll([...edges.map((e) => ({ pk: e.pk, sk: e.sk })), ...replies.map((r) => ({ pk: r.pk, sk: r.sk })), ...tags]);
}
