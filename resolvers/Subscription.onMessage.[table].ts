import { extensions, util, type Context } from '@aws-appsync/utils';
import { requireCaller } from './lib/identity.ts';
import { getItem, raiseIfError } from './lib/ddb.ts';
import { memberKey } from '../definitions/keys.ts';

/**
 * Members only: the caller's member row must exist. Each message is published once per member
 * (with that member as recipientId), so the filter also pins recipientId to the caller and every
 * member receives each message exactly once.
 */
export function request(ctx: Context<{ conversationId: string }>) {
  ctx.stash.callerId = requireCaller(ctx);
  return getItem(memberKey(ctx.stash.callerId, ctx.args.conversationId), true);
}

export function response(ctx: Context<{ conversationId: string }>) {
  raiseIfError(ctx);
  if (!ctx.result) util.unauthorized();
  extensions.setSubscriptionFilter(
    util.transform.toSubscriptionFilter({ conversationId: { eq: ctx.args.conversationId }, recipientId: { eq: ctx.stash.callerId } }),
  );
  return null;
}
