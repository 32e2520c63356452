/**
 * Bookmarks: private rows `USER#<me>` / `BOOKMARK#<crud>` carrying the crud's expiresAt (TTL takes
 * them with the crud), listed newest-bookmarked first through gsi2 (`BOOKMARKS#<me>`, a ULID) and
 * found per crud through gsi3 (`BOOKMARKED#<crud>`) by the clean-up when the crud is deleted.
 */
import { util, type Context } from '@aws-appsync/utils';
import { tableName } from './ddb.ts';
import { bookmarkKey, gsi, ItemType } from '../../definitions/keys.ts';
import { crudFromItem, type Item } from './items.ts';
import { deleteExisting, putNew, raiseUnlessTolerated } from './writes.ts';

/** Step 2 of bookmarkCrud: the row, only if absent (bookmarking twice is one bookmark). */
export function addRequest(ctx: Context) {
  const me: string = ctx.stash.callerId;
  const crud: Item = ctx.stash.crudItem;
  const key = bookmarkKey(me, crud.id);
  ctx.stash.bookmarked = true;
  const row: Item = {
    pk: key.pk,
    sk: key.sk,
    type: ItemType.BOOKMARK,
    userId: me,
    crudId: crud.id,
    createdAt: util.time.nowISO8601(),
    expiresAt: crud.expiresAt,
    gsi2pk: gsi.bookmarks(me),
    gsi2sk: util.autoUlid(),
    gsi3pk: gsi.bookmarkedBy(crud.id),
    gsi3sk: me,
  };
  return { operation: 'TransactWriteItems', transactItems: [putNew(tableName(ctx), key, row)] };
}

/** Step 2 of unbookmarkCrud. */
export function removeRequest(ctx: Context) {
  ctx.stash.bookmarked = false;
  return { operation: 'TransactWriteItems', transactItems: [deleteExisting(tableName(ctx), bookmarkKey(ctx.stash.callerId, ctx.args.id))] };
}

/** Already (un)bookmarked is success; returns the crud with the caller's new state. */
export function writeResponse(ctx: Context) {
  raiseUnlessTolerated(ctx, [0]);
  return Object.assign(crudFromItem(ctx.stash.crudItem), { viewerHasBookmarked: ctx.stash.bookmarked });
}
