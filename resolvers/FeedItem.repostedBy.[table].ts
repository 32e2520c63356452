import { type Context } from '@aws-appsync/utils';
import { getOrReturn, userResponse } from './lib/fields.ts';
import { userKey } from '../definitions/keys.ts';

export function request(ctx: Context) {
  return getOrReturn(ctx.source.repostedById ? userKey(ctx.source.repostedById) : null, null);
}

export function response(ctx: Context) {
  return userResponse(ctx, false);
}
