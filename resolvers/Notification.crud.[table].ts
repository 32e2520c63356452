import { type Context } from '@aws-appsync/utils';
import { crudResponse, getOrReturn } from './lib/fields.ts';
import { crudKey } from '../definitions/keys.ts';

export function request(ctx: Context) {
  // The notifications pipeline already read the crud (null when it is gone).
  if (ctx.source.crudResolved) return getOrReturn(null, ctx.source.crud ?? null);
  return getOrReturn(ctx.source.crudId ? crudKey(ctx.source.crudId) : null, null);
}

export function response(ctx: Context) {
  return crudResponse(ctx, false);
}
