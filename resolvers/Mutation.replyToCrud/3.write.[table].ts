import { util, type Context } from '@aws-appsync/utils';
import { tableName } from '../lib/ddb.ts';
import { crudKey } from '../../definitions/keys.ts';
import { crudFromItem } from '../lib/items.ts';
import { newCrudItem, replyExpiresAt } from '../lib/cruds.ts';
import { bump, failedConditions, putNew } from '../lib/writes.ts';
import { blockedError, notBlockedChecks } from '../lib/safety.ts';
import { attachImages, attachmentConflict, consumeUploads } from '../lib/attachments.ts';

/**
 * Puts the reply, counts it on its (still live) parent, checks neither author blocks the other and
 * consumes each attached upload's READY status, all in one transaction (items 0, 1, 2–3, 4…).
 */
export function request(ctx: Context<{ expiresIn?: string | null }>) {
  const item = newCrudItem({
    authorId: ctx.stash.callerId,
    message: ctx.stash.message,
    expiresAt: replyExpiresAt(ctx.stash.parentExpiresAt, ctx.args.expiresIn, util.time.nowEpochSeconds()),
    replyToId: ctx.stash.parent.id,
  });
  const media = attachImages(ctx, item);
  ctx.stash.item = item;
  const table = tableName(ctx);
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      putNew(table, { pk: item.pk, sk: item.sk }, item),
      bump(table, crudKey(ctx.stash.parent.id), 'repliesCount', 1, util.time.nowEpochSeconds()),
    ]
      .concat(notBlockedChecks(table, ctx.stash.callerId, ctx.stash.parentAuthorId))
      .concat(consumeUploads(table, ctx.stash.callerId, media)),
  };
}

export function response(ctx: Context) {
  if (ctx.error) {
    blockedError(ctx, 2, 'reply to this crud');
    if (failedConditions(ctx).indexOf(1) >= 0) util.error('Crud not found or expired', 'NotFound');
    attachmentConflict(ctx, 4);
    util.error(ctx.error.message, ctx.error.type);
  }
  return crudFromItem(ctx.stash.item);
}
