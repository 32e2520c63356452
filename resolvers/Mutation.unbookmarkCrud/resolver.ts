import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';

/** Removes the caller's bookmark of a live crud (a gone crud's bookmark is gone already). */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
