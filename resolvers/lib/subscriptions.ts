/**
 * Subscription resolvers authorize on `start` and narrow delivery with an enhanced filter
 * ("Enhanced subscription filtering", AppSync developer guide): the filter repeats the
 * arguments, so delivery stays correct whether or not argument filtering also applies.
 */
import { extensions, util, type Context } from '@aws-appsync/utils';
import { requireCaller } from './identity.ts';

/** Start of `onFeedItem`/`onNotification`/`onInboxMessage`: only for the caller's own recipientId. */
export function ownRecipientRequest(ctx: Context<{ recipientId: string }>) {
  const me = requireCaller(ctx);
  if (ctx.args.recipientId !== me) util.unauthorized();
  return { payload: null };
}

export function ownRecipientResponse(ctx: Context<{ recipientId: string }>) {
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ recipientId: { eq: ctx.args.recipientId } }));
  return null;
}
