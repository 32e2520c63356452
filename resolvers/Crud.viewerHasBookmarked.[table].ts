import { type Context } from '@aws-appsync/utils';
import { existsResponse, getOrReturn } from './lib/fields.ts';
import { callerId } from './lib/identity.ts';
import { bookmarkKey } from '../definitions/keys.ts';

/** Null for guests and IAM publishers; otherwise whether the caller's bookmark row exists. */
export function request(ctx: Context) {
  // Set by the bookmark mutations and the bookmarks page, which know the answer.
  if (typeof ctx.source.viewerHasBookmarked === 'boolean') return getOrReturn(null, ctx.source.viewerHasBookmarked);
  const viewer = callerId(ctx);
  return getOrReturn(viewer ? bookmarkKey(viewer, ctx.source.id) : null, null);
}

export function response(ctx: Context) {
  return existsResponse(ctx);
}
