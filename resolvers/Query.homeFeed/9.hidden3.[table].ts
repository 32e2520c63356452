import { type Context } from '@aws-appsync/utils';
import { lookupRequest, lookupResponse } from '../lib/safety-lookup.ts';

/** Part 3 of the page's block and mute lookup (step 7). */
export function request(ctx: Context) {
  return lookupRequest(ctx, 2);
}

export const response = lookupResponse;
