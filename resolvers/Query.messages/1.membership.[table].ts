import { util, type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from '../lib/ddb.ts';
import { memberKey } from '../../definitions/keys.ts';

export function request(ctx: Context<{ conversationId: string }>) {
  return getItem(memberKey(ctx.stash.callerId, ctx.args.conversationId));
}

/** Only members read a conversation (the original leaked any group's messages: bug 9). */
export function response(ctx: Context) {
  raiseIfError(ctx);
  if (!ctx.result) util.unauthorized();
  return true;
}
