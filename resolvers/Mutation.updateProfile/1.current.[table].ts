import { util, type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from '../lib/ddb.ts';
import { userKey } from '../../definitions/keys.ts';

/**
 * The profile before the edit (a transaction returns no attributes). Read first, so the write is
 * the last data source call and the resolver's cache eviction follows it at once, before the
 * stream's profile event reaches the cache (docs/caching.md).
 */
export function request(ctx: Context) {
  return getItem(userKey(ctx.stash.callerId), true);
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  if (!ctx.result) util.error('Your profile does not exist', 'NotFound');
  ctx.stash.current = ctx.result;
  return ctx.result;
}
