import { type Context } from '@aws-appsync/utils';
import { getOrReturn, userResponse } from './lib/fields.ts';
import { userKey } from '../definitions/keys.ts';

export function request(ctx: Context) {
  if (ctx.source.peer) return getOrReturn(null, ctx.source.peer);
  return getOrReturn(ctx.source.peerId ? userKey(ctx.source.peerId) : null, null);
}

export function response(ctx: Context) {
  return userResponse(ctx, false);
}
