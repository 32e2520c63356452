import { util, type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from './lib/ddb.ts';
import { crudKey } from '../definitions/keys.ts';
import { crudFromItem, isLive } from './lib/items.ts';

/** A crud by id; an expired crud reads as absent even before TTL deletes it. */
export function request(ctx: Context<{ id: string }>) {
  return getItem(crudKey(ctx.args.id));
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  return isLive(ctx.result, util.time.nowEpochSeconds()) ? crudFromItem(ctx.result) : null;
}
