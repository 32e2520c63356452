import { type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from '../lib/ddb.ts';
import { userKey } from '../../definitions/keys.ts';

export function request(ctx: Context) {
  return getItem(userKey(ctx.stash.callerId));
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.readUpTo = ctx.result ? ctx.result.notificationsReadUpTo ?? null : null;
  return ctx.stash.readUpTo;
}
