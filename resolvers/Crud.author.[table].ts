import { type Context } from '@aws-appsync/utils';
import { getOrReturn, userResponse } from './lib/fields.ts';
import { userKey } from '../definitions/keys.ts';

/** List pipelines hydrate `author` in one BatchGetItem; single cruds read it here. */
export function request(ctx: Context) {
  if (ctx.source.author) return getOrReturn(null, ctx.source.author);
  return getOrReturn(userKey(ctx.source.authorId), null);
}

export function response(ctx: Context) {
  return userResponse(ctx, true);
}
