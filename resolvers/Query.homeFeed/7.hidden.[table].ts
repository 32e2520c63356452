import { type Context } from '@aws-appsync/utils';
import { BLOCKS_AND_MUTES, lookupRequest, lookupResponse, planLookup, requireParts } from '../lib/safety-lookup.ts';
import type { Item } from '../lib/items.ts';

/**
 * The caller's blocks (both ways) and mutes of the page's authors and reposters — at most 50 rows,
 * so 100 accounts and 300 keys, read in this part and the next two: rows pushed before a block or
 * mute, reposts by others of a hidden author's cruds and a muted pulled account's RECENT entries
 * are dropped from the page.
 */
export function request(ctx: Context) {
  const rows: Item[] = ctx.stash.rows ?? [];
  const authors = (ctx.stash.cruds as Item[]).map((c) => c.authorId);
  planLookup(ctx, authors.concat(rows.map((r) => r.repostedById)), BLOCKS_AND_MUTES);
  requireParts(ctx, 3);
  return lookupRequest(ctx, 0);
}

export const response = lookupResponse;
