import { type Context } from '@aws-appsync/utils';
import { evictProfile } from './lib/cache-eviction.ts';

/**
 * A profile's public fields changed (display name, bio, or the avatar the thumbnailer set): the
 * change goes to onUserChanged subscribers and the cached user(handle) is evicted.
 */
export { passInput as request } from './lib/publish.ts';

export function response(ctx: Context<{ input: { handle: string } }>) {
  evictProfile(ctx.args.input.handle);
  return ctx.result;
}
