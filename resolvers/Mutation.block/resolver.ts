import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';
import { invalidateCelebrityFeed } from '../lib/subscriptions.ts';

/** Blocks a user: they can no longer follow you, reply to you, mention-notify you, message you or see your cruds; follows both ways end (the fan-out consumer removes them). */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

/** On success both users' open `onCelebrityFeedItem` subscriptions end (lib/subscriptions.ts) so that neither hears the other live. */
export function response(ctx: Context) {
  if (!ctx.error) invalidateCelebrityFeed([ctx.stash.callerId, ctx.stash.targetId]);
  return ctx.prev.result;
}
