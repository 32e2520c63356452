import { util, type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from '../lib/ddb.ts';
import { crudKey } from '../../definitions/keys.ts';
import { isLive } from '../lib/items.ts';

export function request(ctx: Context<{ id: string }>) {
  return getItem(crudKey(ctx.args.id), true);
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  if (!isLive(ctx.result, util.time.nowEpochSeconds())) util.error('Crud not found or expired', 'NotFound');
  if (ctx.result.authorId !== ctx.stash.callerId) util.unauthorized();
  ctx.stash.crud = ctx.result;
  return ctx.result.id;
}
