import { type Context } from '@aws-appsync/utils';
import { crudResponse, getOrReturn } from './lib/fields.ts';
import { crudKey } from '../definitions/keys.ts';

export function request(ctx: Context) {
  return getOrReturn(ctx.source.replyToId ? crudKey(ctx.source.replyToId) : null, null);
}

export function response(ctx: Context) {
  return crudResponse(ctx, false);
}
