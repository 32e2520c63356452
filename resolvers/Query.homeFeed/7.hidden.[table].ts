import { type Context } from '@aws-appsync/utils';
import { hiddenRequest, hiddenResponse } from '../lib/safety.ts';

/**
 * The caller's blocks (both ways) and mutes: rows pushed before a block or mute, reposts by others
 * of a hidden author's cruds and a muted pulled account's RECENT entries are dropped from the page.
 */
export function request(ctx: Context) {
  return hiddenRequest(ctx);
}

export function response(ctx: Context) {
  return hiddenResponse(ctx, true);
}
