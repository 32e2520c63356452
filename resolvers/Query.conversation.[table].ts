import { type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from './lib/ddb.ts';
import { memberKey } from '../definitions/keys.ts';
import { conversationFromMember } from './lib/items.ts';
import { requireCaller } from './lib/identity.ts';

/** One conversation, read through the caller's own member row: no row, no conversation. */
export function request(ctx: Context<{ id: string }>) {
  return getItem(memberKey(requireCaller(ctx), ctx.args.id));
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  return ctx.result ? conversationFromMember(ctx.result) : null;
}
