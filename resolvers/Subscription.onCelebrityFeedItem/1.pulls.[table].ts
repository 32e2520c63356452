import { type Context } from '@aws-appsync/utils';
import { raiseIfError } from '../lib/ddb.ts';
import { pulledAccountIds, pullLinksQuery } from '../lib/feed-merge.ts';

/** The pulled accounts the caller follows (their PULL# rows), at most 50 (MAX_PULLED_ACCOUNTS). */
export function request(ctx: Context) {
  return pullLinksQuery(ctx.stash.callerId);
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.pulledIds = pulledAccountIds(ctx.result);
  return ctx.stash.pulledIds.length;
}
