import { type Context } from '@aws-appsync/utils';
import { lookupRequest, lookupResponse } from '../lib/safety-lookup.ts';

/** Part 2 of the page's block and mute lookup (step 5). */
export function request(ctx: Context) {
  return lookupRequest(ctx, 1);
}

export const response = lookupResponse;
