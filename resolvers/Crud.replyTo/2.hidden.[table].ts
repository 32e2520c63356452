import { runtime, type Context } from '@aws-appsync/utils';
import { BLOCKS, lookupRequest, lookupResponse, planLookup } from '../lib/safety-lookup.ts';

/** Whether the parent's author blocks the caller or is blocked by them (two keys). */
export function request(ctx: Context) {
  if (!ctx.stash.parent) runtime.earlyReturn(0);
  planLookup(ctx, [ctx.stash.parent.authorId], BLOCKS);
  return lookupRequest(ctx, 0);
}

export const response = lookupResponse;
