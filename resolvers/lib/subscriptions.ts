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

/**
 * `onCelebrityFeedItem` fixes its list of pulled accounts at start, so a block or mute that
 * changes whom a subscriber may hear ends their open subscriptions ("Unsubscribing WebSocket
 * connections using filters", AppSync developer guide): each subscription declares its
 * subscriber in an invalidation filter, and the block/mute mutation invalidates by subscriber.
 * AppSync then sends the client `complete`; the client subscribes again and the new start reads
 * the relations afresh.
 */
export const CELEBRITY_FIELD = 'onCelebrityFeedItem';

/** Start of `onCelebrityFeedItem`: a later `invalidateCelebrityFeed(subscriberId)` ends it. */
export function celebrityInvalidationFilter(subscriberId: string): void {
  extensions.setSubscriptionInvalidationFilter(util.transform.toSubscriptionFilter({ subscriberId: { eq: subscriberId } }));
}

/** In a mutation's response handler: ends the open `onCelebrityFeedItem` subscriptions of these users (AppSync allows 5 calls per request). */
export function invalidateCelebrityFeed(subscriberIds: string[]): void {
  subscriberIds.forEach((subscriberId) => extensions.invalidateSubscriptions({ subscriptionField: CELEBRITY_FIELD, payload: { subscriberId } }));
}
