import { util, type Context } from '@aws-appsync/utils';
import { callerHandle, requireCaller } from '../lib/identity.ts';
import { evictProfile } from '../lib/cache-eviction.ts';
import { tableName } from '../lib/ddb.ts';
import { userKey } from '../../definitions/keys.ts';
import { crudFromItem } from '../lib/items.ts';
import { newCrudItem } from '../lib/cruds.ts';
import { attachImages, attachmentConflict, consumeUploads } from '../lib/attachments.ts';
import { EXPIRES_IN_SECONDS, LIMITS, requireText } from '../lib/validate.ts';
import { bump, failedConditions, putNew } from '../lib/writes.ts';

/**
 * Posts a crud and counts it on the author's profile in one transaction. Hashtags and mentions
 * are parsed here; the fan-out consumer turns the new item into feed rows, tag rows and
 * mention notifications. Attached images (stash.mediaItems, from 1.uploads) consume their upload
 * status in the same transaction: a status still READY, so one upload never lands on two cruds.
 */
export function request(ctx: Context<{ message: string; expiresIn?: string }>) {
  const me = requireCaller(ctx);
  const message = requireText('message', ctx.args.message, LIMITS.crud);
  const seconds = EXPIRES_IN_SECONDS[ctx.args.expiresIn ?? 'SEVEN_DAYS'];
  const item = newCrudItem({ authorId: me, message, expiresAt: util.time.nowEpochSeconds() + seconds });
  const media = attachImages(ctx, item);
  ctx.stash.item = item;
  const table = tableName(ctx);
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      putNew(table, { pk: item.pk, sk: item.sk }, item),
      bump(table, userKey(me), 'crudsCount', 1),
      ...consumeUploads(table, me, media),
    ],
  };
}

export function response(ctx: Context) {
  if (ctx.error) {
    if (failedConditions(ctx).indexOf(1) >= 0) util.error('Your profile does not exist', 'NotFound');
    attachmentConflict(ctx, 2);
    util.error(ctx.error.message, ctx.error.type);
  }
  // The author's crudsCount changed.
  evictProfile(callerHandle(ctx));
  return crudFromItem(ctx.stash.item);
}
