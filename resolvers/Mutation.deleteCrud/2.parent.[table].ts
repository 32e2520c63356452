import { runtime, type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from '../lib/ddb.ts';
import { crudKey } from '../../definitions/keys.ts';

/** A reply decrements its parent's repliesCount only while the parent still exists. */
export function request(ctx: Context) {
  if (!ctx.stash.crud.replyToId) runtime.earlyReturn(false);
  return getItem(crudKey(ctx.stash.crud.replyToId), true);
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  return !!ctx.result;
}
