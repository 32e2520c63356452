import { type Context } from '@aws-appsync/utils';
import { crudResponse, getOrReturn } from '../lib/fields.ts';
import { crudKey } from '../../definitions/keys.ts';

export function request(ctx: Context) {
  ctx.stash.parent = null;
  return getOrReturn(ctx.source.replyToId ? crudKey(ctx.source.replyToId) : null, null);
}

/** A deleted or expired parent reads as null; nothing to hide then. */
export function response(ctx: Context) {
  ctx.stash.parent = crudResponse(ctx, false);
  return ctx.stash.parent;
}
