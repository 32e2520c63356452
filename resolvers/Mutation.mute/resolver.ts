import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';

/** Mutes a user: their cruds and reposts leave the caller's home feed and they no longer notify the caller; they are not told. */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
