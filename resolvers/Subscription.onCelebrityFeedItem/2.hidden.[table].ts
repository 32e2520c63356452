import { type Context } from '@aws-appsync/utils';
import { BLOCKS_AND_MUTES, lookupRequest, lookupResponse, planLookup, requireParts } from '../lib/safety-lookup.ts';

/**
 * The caller's blocks (both ways) and mutes of those accounts — 50 accounts, 150 keys, this part
 * and the next: a block ends the follow and its PULL# row only when the consumer gets to it, and a
 * mute keeps the follow, so both are read here.
 */
export function request(ctx: Context) {
  planLookup(ctx, ctx.stash.pulledIds, BLOCKS_AND_MUTES);
  requireParts(ctx, 2);
  return lookupRequest(ctx, 0);
}

export const response = lookupResponse;
