import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';

/**
 * Deletes one of the caller's cruds and its counter contributions in one transaction. The
 * stream's REMOVE record then lets the fan-out consumer delete feed rows, likes, reposts,
 * replies and tag rows.
 */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

export function response(ctx: Context<{ id: string }>) {
  return ctx.args.id;
}
