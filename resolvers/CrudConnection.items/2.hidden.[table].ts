import { type Context } from '@aws-appsync/utils';
import { lookupRequest, lookupResponse } from '../lib/safety-lookup.ts';

/** The second hundred keys of the page's block lookup (nothing to read for up to 50 authors). */
export function request(ctx: Context) {
  return lookupRequest(ctx, 1);
}

export const response = lookupResponse;
