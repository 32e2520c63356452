import { type Context } from '@aws-appsync/utils';
import { getItem } from '../lib/ddb.ts';
import { crudResponse } from '../lib/fields.ts';
import { crudKey } from '../../definitions/keys.ts';

export function request(ctx: Context<{ crudId: string }>) {
  return getItem(crudKey(ctx.args.crudId));
}

export function response(ctx: Context) {
  ctx.stash.parent = crudResponse(ctx, true);
  ctx.stash.parentExpiresAt = ctx.result.expiresAt;
  ctx.stash.parentAuthorId = ctx.result.authorId;
  return ctx.stash.parent;
}
