/**
 * Everything one GraphQL request carries through execution (graphql-js `contextValue`): the
 * caller's auth, AppSync's per-request quotas, errors appended by resolvers and side effects
 * (invalidations, subscription filters) collected for the engine to act on afterwards.
 */
import type { FieldNode } from 'graphql';
import type { AuthContext } from '../auth/types.ts';
import type { Eviction } from '../cache/api-cache.ts';
import { RequestTurns } from './request-turns.ts';
import { RequestWork } from './request-work.ts';

/**
 * Execute: queries and mutations. Prepare: running a subscription's resolver on `start`.
 * Render: applying a subscriber's selection set to an event payload (no resolvers run).
 */
export const Phase = { Execute: 0, Prepare: 1, Render: 2 } as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

export interface AppendedError {
  message: string;
  errorType: string | null;
  data: unknown;
  errorInfo: unknown;
  path: readonly (string | number)[];
  nodes: readonly FieldNode[];
}

export interface RequestState {
  phase: Phase;
  auth: AuthContext;
  /** `Type.field` entries denied by the Lambda authorizer; null when none. */
  denied: ReadonlySet<string> | null;
  requestId: string;
  /** `ctx.request`, shared by every resolver of the request. */
  request: { headers: Record<string, string>; domainName: string | null };
  /** `ctx.info.variables`: the variables as the client sent them. */
  variables: Record<string, unknown>;
  resolverCount: number;
  /** Resolvers graphql-js has asked for so far (started or waiting for their turn). */
  resolversRequested: number;
  /** Fields deeper than this fail (`queryDepthLimit`); 0 when the operation stays within it. */
  depthLimit: number;
  /** The request's data-source calls: bounded, and cancelled when the request ends. */
  work: RequestWork;
  /** The request's turns of the event loop for resolver starts. */
  turns: RequestTurns;
  deadline: number;
  /** Set when the request timed out: resolvers that start afterwards fail at once. */
  aborted: boolean;
  appended: AppendedError[];
  invalidations: { subscriptionField: string; payload: unknown }[];
  /** `extensions.evictFromApiCache` calls, applied once a mutation has run. */
  evictions: Eviction[];
  subscriptionFilter?: unknown;
  subscriptionInvalidationFilter?: unknown;
  /** Render phase: what the subscription field resolves to. */
  payload?: unknown;
}

export interface StateInit {
  phase: Phase;
  auth: AuthContext;
  requestId: string;
  headers: Record<string, string>;
  domainName?: string | null;
  variables?: Record<string, unknown> | null;
  timeoutMs: number;
  /** Set when the operation is deeper than the API's `queryDepthLimit`. */
  depthLimit?: number;
  /** Data-source calls in flight at once (default DEFAULT_MAX_IN_FLIGHT). */
  maxInFlight?: number;
}

export function createState(init: StateInit): RequestState {
  const denied = init.auth.deniedFields && init.auth.deniedFields.length > 0 ? new Set(init.auth.deniedFields) : null;
  return {
    phase: init.phase,
    auth: init.auth,
    denied,
    requestId: init.requestId,
    request: { headers: init.headers, domainName: init.domainName ?? null },
    variables: init.variables ?? {},
    resolverCount: 0,
    resolversRequested: 0,
    depthLimit: init.depthLimit ?? 0,
    work: new RequestWork(init.maxInFlight),
    turns: new RequestTurns(),
    deadline: Date.now() + init.timeoutMs,
    aborted: false,
    appended: [],
    invalidations: [],
    evictions: [],
  };
}
