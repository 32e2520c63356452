import { type Context } from '@aws-appsync/utils';
import { existsResponse, getOrReturn } from './lib/fields.ts';
import { callerId } from './lib/identity.ts';
import { safetyKey } from '../definitions/keys.ts';

/**
 * Null for guests; false on the caller's own profile; otherwise whether this user blocks the
 * caller (their `SAFETY#BLOCKEDBY#` row): the profile then says so instead of looking empty.
 */
export function request(ctx: Context) {
  const viewer = callerId(ctx);
  if (viewer && viewer === ctx.source.id) return getOrReturn(null, false);
  return getOrReturn(viewer ? safetyKey(viewer, 'BLOCKEDBY', ctx.source.id) : null, null);
}

export function response(ctx: Context) {
  return existsResponse(ctx);
}
