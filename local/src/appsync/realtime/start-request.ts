/**
 * Reading a `start` message's payload into what the engine takes, the engine's errors back into
 * the protocol's error entries, and the small values a subscription keeps for re-authorization.
 */
import { randomUUID } from 'node:crypto';
import type { AuthMode, IncomingAuthRequest } from '../auth/types.ts';
import type { AppSyncGraphQLError, GraphQLRequest } from '../engine/types.ts';
import type { ProtocolErrorEntry } from './protocol.ts';

/**
 * A request id the engine may keep for the subscription's lifetime. `randomUUID()` returns a rope
 * of ~20 concatenated pieces (~500 B of heap); a flat copy is ~60 B, which matters at one per
 * subscription (memory per subscribed connection is a benchmark target).
 */
export function flatRequestId(): string {
  return Buffer.from(randomUUID(), 'latin1').toString('latin1');
}

/** `payload.data` as a GraphQL request; null unless it is `{query: string, variables?: object}`. */
export function parseStartData(data: string): GraphQLRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { query, variables, operationName } = value as Record<string, unknown>;
  if (typeof query !== 'string') return null;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  return {
    query,
    variables: (variables as Record<string, unknown> | null | undefined) ?? null,
    operationName: typeof operationName === 'string' ? operationName : null,
  };
}

/** An engine error as an `error` frame entry (`errorType` only when the engine set one). */
export function toEntry(e: AppSyncGraphQLError): ProtocolErrorEntry {
  const { message, errorType, ...rest } = e;
  return { ...rest, message, ...(errorType ? { errorType } : {}) } as ProtocolErrorEntry;
}

/**
 * Modes whose credential is a bearer token that can be checked again later. SigV4 signatures
 * expire five minutes after signing by design and API keys are checked at start only, so
 * connections and subscriptions authorised that way are not re-authorised (docs/realtime.md).
 */
const REAUTHORIZED_MODES: ReadonlySet<AuthMode> = new Set(['AWS_LAMBDA', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT']);

/** What a connection or subscription keeps to be re-authorised, or undefined when its mode is not. */
export function keptForReauthorization(mode: AuthMode, request: IncomingAuthRequest): IncomingAuthRequest | undefined {
  if (!REAUTHORIZED_MODES.has(mode)) return undefined;
  // Only what a token check reads: the headers, and the operation for the authorizer's event.
  return { headers: request.headers, method: 'POST', path: request.path, body: '', sourceIp: request.sourceIp, query: request.query, operationName: request.operationName };
}
