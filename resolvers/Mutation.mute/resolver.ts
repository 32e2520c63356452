import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';
import { invalidateCelebrityFeed } from '../lib/subscriptions.ts';

/** Mutes a user: their cruds and reposts leave the caller's home feed and they no longer notify the caller; they are not told. */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

/** On success the caller's open `onCelebrityFeedItem` subscriptions end (lib/subscriptions.ts): the next start leaves the muted account out. */
export function response(ctx: Context) {
  if (!ctx.error) invalidateCelebrityFeed([ctx.stash.callerId]);
  return ctx.prev.result;
}
