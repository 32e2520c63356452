import { type Context } from '@aws-appsync/utils';
import { getOrReturn, userResponse } from './lib/fields.ts';
import { userKey } from '../definitions/keys.ts';

export function request(ctx: Context) {
  if (ctx.source.actor) return getOrReturn(null, ctx.source.actor);
  return getOrReturn(userKey(ctx.source.actorId), null);
}

export function response(ctx: Context) {
  return userResponse(ctx, true);
}
