import { type Context } from '@aws-appsync/utils';
import { existsResponse, getOrReturn } from './lib/fields.ts';
import { callerId } from './lib/identity.ts';
import { likeKey } from '../definitions/keys.ts';

/** Null for guests and IAM publishers (no viewer); otherwise whether the caller's like row exists. */
export function request(ctx: Context) {
  // Set by the list pipelines' batched edge read.
  if (typeof ctx.source.viewerHasLiked === 'boolean') return getOrReturn(null, ctx.source.viewerHasLiked);
  const viewer = callerId(ctx);
  return getOrReturn(viewer ? likeKey(ctx.source.id, viewer) : null, null);
}

export function response(ctx: Context) {
  return existsResponse(ctx);
}
