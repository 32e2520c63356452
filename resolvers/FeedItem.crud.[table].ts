import { type Context } from '@aws-appsync/utils';
import { crudResponse, getOrReturn } from './lib/fields.ts';
import { crudKey } from '../definitions/keys.ts';

/** homeFeed hydrates `crud` in its pipeline; published feed items carry only `crudId`. */
export function request(ctx: Context) {
  if (ctx.source.crud) return getOrReturn(null, ctx.source.crud);
  return getOrReturn(crudKey(ctx.source.crudId), null);
}

export function response(ctx: Context) {
  return crudResponse(ctx, true);
}
