import { type Context } from '@aws-appsync/utils';
import { existsResponse, getOrReturn } from './lib/fields.ts';
import { callerId } from './lib/identity.ts';
import { followsKey } from '../definitions/keys.ts';

/** Null for guests; false for the caller's own profile; otherwise whether the follow row exists. */
export function request(ctx: Context) {
  // Set by follow/unfollow, which know the answer without a read.
  if (typeof ctx.source.viewerFollows === 'boolean') return getOrReturn(null, ctx.source.viewerFollows);
  const viewer = callerId(ctx);
  if (viewer && viewer === ctx.source.id) return getOrReturn(null, false);
  return getOrReturn(viewer ? followsKey(viewer, ctx.source.id) : null, null);
}

export function response(ctx: Context) {
  return existsResponse(ctx);
}
