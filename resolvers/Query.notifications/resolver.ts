import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';

/**
 * The caller's notifications, newest first. `read` is derived from the profile's
 * `notificationsReadUpTo` (the newest notification id seen when they last marked all read), so
 * marking everything read is one write, not one per notification.
 */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
