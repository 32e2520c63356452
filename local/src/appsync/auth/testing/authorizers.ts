/**
 * Lambda authorizer handlers used by the auth tests, invoked through the real in-process invoker
 * with AppSync's event. Each records the events it received in a global log keyed by token.
 */
import type { AppSyncAuthorizerEvent } from '../lambda-authorizer.ts';

const log = ((globalThis as Record<string, unknown>).__authorizerEvents ??= [] as AppSyncAuthorizerEvent[]) as AppSyncAuthorizerEvent[];

export async function allow(event: AppSyncAuthorizerEvent) {
  log.push(event);
  if (event.authorizationToken === 'deny-me') return { isAuthorized: false };
  return {
    isAuthorized: true,
    resolverContext: { token: event.authorizationToken, handle: 'alice' },
    deniedFields: ['arn:aws:appsync:us-east-1:000000000000:apis/local/types/Mutation/fields/deleteEverything', 'Query.secret', 'not a field'],
    ttlOverride: event.authorizationToken.startsWith('nocache') ? 0 : undefined,
  };
}

export async function throws(event: AppSyncAuthorizerEvent) {
  log.push(event);
  throw new Error('authorizer exploded');
}

export async function malformed(event: AppSyncAuthorizerEvent) {
  log.push(event);
  return { authorized: 'yes' };
}

export async function slow(event: AppSyncAuthorizerEvent) {
  log.push(event);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  return { isAuthorized: true };
}

export function eventsFor(token: string): AppSyncAuthorizerEvent[] {
  return log.filter((e) => e.authorizationToken === token);
}
