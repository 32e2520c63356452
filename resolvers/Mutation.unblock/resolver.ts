import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';

/** Unblocks a user (follows that the block ended stay ended). */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
