import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';

/**
 * A conversation's messages, members only. Message sort keys are ULIDs (`MSG#<ulid>`), so order
 * is time order across days and years; NEWEST_FIRST pages back in history, OLDEST_FIRST forward.
 */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
