import { type Context } from '@aws-appsync/utils';
import { BLOCKS_AND_MUTES, lookupRequest, lookupResponse, planLookup, requireParts } from '../lib/safety-lookup.ts';
import type { Item } from '../lib/items.ts';

/**
 * The caller's blocks (both ways) and mutes of the page's actors — at most 50, so 150 keys, read
 * in this part and the next. Notifications written before a block or mute leave the page; a
 * notification's crud is the caller's own (like, repost) or the actor's (reply, mention), so hiding
 * the actor hides the crud too.
 */
export function request(ctx: Context) {
  planLookup(ctx, (ctx.stash.items as Item[]).map((n) => n.actorId), BLOCKS_AND_MUTES);
  requireParts(ctx, 2);
  return lookupRequest(ctx, 0);
}

export const response = lookupResponse;
