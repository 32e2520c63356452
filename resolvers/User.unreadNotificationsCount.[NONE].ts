import { type Context } from '@aws-appsync/utils';
import { callerId } from './lib/identity.ts';

/** Private to its owner: other viewers get null. */
export function request(ctx: Context) {
  const own = callerId(ctx) === ctx.source.id;
  return { payload: own ? ctx.source.unreadNotificationsCount ?? 0 : null };
}

export function response(ctx: Context) {
  return ctx.result;
}
