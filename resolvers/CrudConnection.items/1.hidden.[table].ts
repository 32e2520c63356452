import { type Context } from '@aws-appsync/utils';
import { BLOCKS, lookupRequest, lookupResponse, planLookup } from '../lib/safety-lookup.ts';

/**
 * Blocks either way between the caller and the page's authors (at most 100 authors, two keys
 * each: this part and the next): a blocked or blocking account's cruds leave every crud page.
 */
export function request(ctx: Context) {
  planLookup(ctx, (ctx.stash.cruds as { authorId: string }[]).map((c) => c.authorId), BLOCKS);
  return lookupRequest(ctx, 0);
}

export const response = lookupResponse;
