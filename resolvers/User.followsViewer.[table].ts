import { type Context } from '@aws-appsync/utils';
import { existsResponse, getOrReturn } from './lib/fields.ts';
import { callerId } from './lib/identity.ts';
import { followsKey } from '../definitions/keys.ts';

/** Null for guests; false for the caller's own profile; otherwise whether this user follows the caller. */
export function request(ctx: Context) {
  const viewer = callerId(ctx);
  if (viewer && viewer === ctx.source.id) return getOrReturn(null, false);
  return getOrReturn(viewer ? followsKey(ctx.source.id, viewer) : null, null);
}

export function response(ctx: Context) {
  return existsResponse(ctx);
}
