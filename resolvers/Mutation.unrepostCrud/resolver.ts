import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';

/** Removes the caller's repost (and, through the stream, its feed rows). */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
