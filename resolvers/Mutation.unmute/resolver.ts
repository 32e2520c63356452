import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';
import { invalidateCelebrityFeed } from '../lib/subscriptions.ts';

/** Unmutes a user. */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

/** On success the caller's open `onCelebrityFeedItem` subscriptions end, so the next start includes the account again. */
export function response(ctx: Context) {
  if (!ctx.error) invalidateCelebrityFeed([ctx.stash.callerId]);
  return ctx.prev.result;
}
