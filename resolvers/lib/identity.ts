/**
 * Who is calling. Under AWS_LAMBDA (the default mode) the authorizer's resolverContext carries
 * `{sub, username, handle}`, or `{guest: "true"}` for logged-out visitors. The explorer uses
 * AMAZON_COGNITO_USER_POOLS, where AppSync puts `sub` and the token's claims on `ctx.identity`.
 * IAM callers (stream consumers) are not users.
 */
import { util } from '@aws-appsync/utils';

// A structural view: resolvers receive differently typed contexts; only `identity` matters here.
interface IdentityHolder {
  identity?: unknown;
}

interface IdentityShape {
  resolverContext?: { sub?: string; guest?: string; handle?: string };
  sub?: string;
  claims?: Record<string, unknown>;
}

/** The caller's user id (Cognito sub), or null for guests, IAM callers and anonymous requests. */
export function callerId(ctx: IdentityHolder): string | null {
  const identity = ctx.identity as IdentityShape | null | undefined;
  if (!identity) return null;
  const rc = identity.resolverContext;
  if (rc) {
    if (rc.guest === 'true' || !rc.sub) return null;
    return rc.sub;
  }
  // Cognito user pools: an access token's `sub` is the user id.
  if (identity.sub && identity.claims) return identity.sub;
  return null;
}

/** The caller's handle as the authorizer resolved it, or null for anyone who is not a signed-in user. */
export function callerHandle(ctx: IdentityHolder): string | null {
  const identity = ctx.identity as IdentityShape | null | undefined;
  const rc = identity ? identity.resolverContext : undefined;
  return rc && rc.guest !== 'true' && rc.handle ? rc.handle : null;
}

/** The caller's user id; aborts the field with Unauthorized for anyone who is not a signed-in user. */
export function requireCaller(ctx: IdentityHolder): string {
  const id = callerId(ctx);
  if (!id) util.unauthorized();
  return id as string;
}
