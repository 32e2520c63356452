import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';

/**
 * The caller's home feed: feed rows written by the fan-out consumer (`FEED#<me>`), then their
 * cruds in one BatchGetItem. Rows whose crud is gone (deleted, expired) are dropped, so a page
 * can hold fewer than `limit` items while nextToken is set.
 */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
