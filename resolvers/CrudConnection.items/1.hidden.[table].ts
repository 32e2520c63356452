import { type Context } from '@aws-appsync/utils';
import { BLOCKS, lookupRequest, lookupResponse, planLookup, requireParts } from '../lib/safety-lookup.ts';

/**
 * Blocks either way between the caller and the page's authors (a page holds at most 50 cruds, so
 * at most 100 keys: one BatchGetItem): a blocked or blocking account's cruds leave every crud page.
 */
export function request(ctx: Context) {
  planLookup(ctx, (ctx.stash.cruds as { authorId: string }[]).map((c) => c.authorId), BLOCKS);
  requireParts(ctx, 1);
  return lookupRequest(ctx, 0);
}

export const response = lookupResponse;
