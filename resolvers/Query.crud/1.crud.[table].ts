import { util, type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from '../lib/ddb.ts';
import { crudKey } from '../../definitions/keys.ts';
import { crudFromItem, isLive } from '../lib/items.ts';

export function request(ctx: Context<{ id: string }>) {
  return getItem(crudKey(ctx.args.id));
}

/** A missing or expired crud ends the pipeline: there is nobody to hide. */
export function response(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.crud = isLive(ctx.result, util.time.nowEpochSeconds()) ? crudFromItem(ctx.result) : null;
  return ctx.stash.crud;
}
