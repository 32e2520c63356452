import { type Context } from '@aws-appsync/utils';
import { callerHandle } from '../lib/identity.ts';
import { evictProfile } from '../lib/cache-eviction.ts';

/**
 * Deletes the caller's profile and handle claim in one transaction, so the handle is free for
 * anyone at once. Only ever the caller's own account: the id comes from the authorizer, never
 * from arguments. The client then deletes the Cognito user (DeleteUser), which revokes its
 * tokens (docs/decisions/013-token-revocation.md).
 */
export { callerRequest as request } from '../lib/pipeline.ts';

export function response(ctx: Context) {
  // The handle is free at once: a cached profile must not outlive it.
  evictProfile(callerHandle(ctx));
  return ctx.stash.callerId;
}
