import { type Context } from '@aws-appsync/utils';
import { existsResponse, getOrReturn } from './lib/fields.ts';
import { callerId } from './lib/identity.ts';
import { safetyKey } from '../definitions/keys.ts';

/** Null for guests; false for the caller's own profile; otherwise whether the caller blocks this user. */
export function request(ctx: Context) {
  // Set by the mutations and lists that know the answer without a read.
  if (typeof ctx.source.viewerBlocks === 'boolean') return getOrReturn(null, ctx.source.viewerBlocks);
  const viewer = callerId(ctx);
  if (viewer && viewer === ctx.source.id) return getOrReturn(null, false);
  return getOrReturn(viewer ? safetyKey(viewer, 'BLOCKS', ctx.source.id) : null, null);
}

export function response(ctx: Context) {
  return existsResponse(ctx);
}
