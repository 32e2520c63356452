import { type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from './lib/ddb.ts';
import { getOrReturn } from './lib/fields.ts';
import { callerId } from './lib/identity.ts';
import { userKey } from '../definitions/keys.ts';

/**
 * Private to its owner: other viewers get null. `me` carries the count; a profile from anywhere
 * else (user(handle), a crud's author) does not, so a cached profile never holds it and the owner
 * reads it fresh here.
 */
export function request(ctx: Context) {
  if (callerId(ctx) !== ctx.source.id) return getOrReturn(null, null);
  if (typeof ctx.source.unreadNotificationsCount === 'number') return getOrReturn(null, ctx.source.unreadNotificationsCount);
  return getItem(userKey(ctx.source.id));
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  return ctx.result ? ctx.result.unreadNotificationsCount ?? 0 : 0;
}
