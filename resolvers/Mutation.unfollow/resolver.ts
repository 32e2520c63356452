import { type Context } from '@aws-appsync/utils';
import { callerHandle } from '../lib/identity.ts';
import { evictProfile } from '../lib/cache-eviction.ts';

/** Unfollows a user; the fan-out consumer removes their cruds and reposts from the caller's feed. */
export { callerRequest as request } from '../lib/pipeline.ts';

/** Both profiles' follower/following counters changed: their cached user(handle) entries go. */
export function response(ctx: Context) {
  const target = ctx.prev.result as { handle?: string } | null;
  if (target) evictProfile(target.handle);
  evictProfile(callerHandle(ctx));
  return ctx.prev.result;
}
