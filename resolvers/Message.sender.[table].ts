import { type Context } from '@aws-appsync/utils';
import { getOrReturn, userResponse } from './lib/fields.ts';
import { userKey } from '../definitions/keys.ts';

export function request(ctx: Context) {
  return getOrReturn(userKey(ctx.source.senderId), null);
}

export function response(ctx: Context) {
  return userResponse(ctx, true);
}
