import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';

/**
 * Marks every notification read with one write: the profile remembers the newest notification id
 * at this moment (`notificationsReadUpTo`) and resets the unread counter.
 */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

export function response() {
  return true;
}
