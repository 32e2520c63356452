/** The crud item as createCrud and replyToCrud write it (docs/data-model.md, "Crud"). */
import { util } from '@aws-appsync/utils';
import { crudKey, gsi, ItemType } from '../../definitions/keys.ts';
import { hashtagsOf, mentionsOf } from './text.ts';
import type { Item } from './items.ts';
import { EXPIRES_IN_SECONDS } from './validate.ts';

export interface NewCrud {
  authorId: string;
  message: string;
  expiresAt: number;
  replyToId?: string;
}

/** A new crud item with a fresh ULID id; top-level cruds join the public feed (gsi3). */
export function newCrudItem(c: NewCrud): Item {
  const id = util.autoUlid();
  const key = crudKey(id);
  const item: Item = {
    pk: key.pk,
    sk: key.sk,
    type: ItemType.CRUD,
    id,
    authorId: c.authorId,
    message: c.message,
    createdAt: util.time.nowISO8601(),
    expiresAt: c.expiresAt,
    repliesCount: 0,
    likesCount: 0,
    repostsCount: 0,
    hashtags: hashtagsOf(c.message),
    mentions: mentionsOf(c.message),
    gsi2pk: c.replyToId ? gsi.replies(c.replyToId) : gsi.userCruds(c.authorId),
    gsi2sk: id,
  };
  if (c.replyToId) {
    item.replyToId = c.replyToId;
    // The author's replies (a profile's Replies tab); top-level cruds use gsi3 for the public feed.
    item.gsi3pk = gsi.userReplies(c.authorId);
    item.gsi3sk = id;
  } else {
    item.gsi3pk = gsi.publicFeed;
    item.gsi3sk = id;
  }
  return item;
}

/**
 * A reply lives as long as it chose (expiresIn) but never longer than the crud it answers: a
 * thread cannot outlive its crud. Without expiresIn it expires with its parent.
 */
export function replyExpiresAt(parentExpiresAt: number, expiresIn: string | null | undefined, now: number): number {
  if (!expiresIn) return parentExpiresAt;
  return Math.min(parentExpiresAt, now + EXPIRES_IN_SECONDS[expiresIn]);
}
