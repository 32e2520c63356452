import { type Context } from '@aws-appsync/utils';
import { callerHandle } from '../lib/identity.ts';
import { evictProfile } from '../lib/cache-eviction.ts';

/**
 * Deletes one of the caller's cruds and its counter contributions in one transaction. The
 * stream's REMOVE record then lets the fan-out consumer delete feed rows, likes, reposts,
 * replies and tag rows.
 */
export { callerRequest as request } from '../lib/pipeline.ts';

export function response(ctx: Context<{ id: string }>) {
  // The author's crudsCount changed.
  evictProfile(callerHandle(ctx));
  return ctx.args.id;
}
