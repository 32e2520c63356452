import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';

/** Blocks a user: they can no longer follow you, reply to you, mention-notify you, message you or see your cruds; follows both ways end (the fan-out consumer removes them). */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
