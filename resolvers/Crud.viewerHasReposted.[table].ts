import { type Context } from '@aws-appsync/utils';
import { existsResponse, getOrReturn } from './lib/fields.ts';
import { callerId } from './lib/identity.ts';
import { repostKey } from '../definitions/keys.ts';

/** Null for guests and IAM publishers (no viewer); otherwise whether the caller's repost row exists. */
export function request(ctx: Context) {
  // Set by the list pipelines' batched edge read.
  if (typeof ctx.source.viewerHasReposted === 'boolean') return getOrReturn(null, ctx.source.viewerHasReposted);
  const viewer = callerId(ctx);
  return getOrReturn(viewer ? repostKey(ctx.source.id, viewer) : null, null);
}

export function response(ctx: Context) {
  return existsResponse(ctx);
}
