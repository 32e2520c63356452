import { type Context } from '@aws-appsync/utils';
import { lookupRequest, lookupResponse, planLookup, requireParts } from '../lib/safety-lookup.ts';
import type { Item } from '../lib/items.ts';

/**
 * The caller's filter: which of the found accounts block the caller (`SAFETY#BLOCKEDBY#` keys;
 * handles and names together give at most `limit` ≤ 50 candidates, so one BatchGetItem). Search does not suggest
 * an account that blocks the caller; accounts the caller blocks stay findable, to unblock them
 * (docs/safety.md).
 */
export function request(ctx: Context) {
  planLookup(ctx, (ctx.stash.found as Item[]).map((u) => u.id), ['BLOCKEDBY']);
  requireParts(ctx, 1);
  return lookupRequest(ctx, 0);
}

export const response = lookupResponse;
