/**
 * The contract of the GraphQL engine: what the HTTP endpoint and the real-time server call.
 * The engine owns the schema, auth directive rules, resolver execution and subscription
 * semantics; transports own sockets, framing and authentication of requests.
 */
import type { GraphQLSchema } from 'graphql';
import type { AuthContext } from '../auth/types.ts';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** One entry of AppSync's `errors[]`. */
export interface AppSyncGraphQLError {
  message: string;
  errorType?: string;
  /** `null` on request errors (validation, variables), as AppSync answers. */
  path?: (string | number)[] | null;
  /** `null` where graphql-java has no location (non-null violations, serialization errors). */
  locations?: { line: number; column: number; sourceName?: string | null }[] | null;
  data?: unknown;
  errorInfo?: unknown;
}

export interface ExecuteResult {
  data?: Record<string, unknown> | null;
  errors?: AppSyncGraphQLError[];
  extensions?: Record<string, unknown>;
}

export interface ExecuteOptions {
  auth: AuthContext;
  requestId: string;
  /** Lower-cased request headers (`ctx.request.headers`). */
  headers: Record<string, string>;
  domainName?: string | null;
}

/** An enhanced subscription filter as `extensions.setSubscriptionFilter` receives it. */
export interface SubscriptionFilter {
  filterGroup: { filters: { fieldName: string; operator: string; value?: unknown }[] }[];
}

export interface PreparedSubscription {
  /** The subscription field, e.g. `onFeedItem`. */
  fieldName: string;
  /** Non-null arguments the subscriber supplied: AppSync's argument filter. */
  args: Record<string, unknown>;
  /** Mutations named in the field's `@aws_subscribe(mutations: [...])`. */
  mutations: string[];
  filter?: SubscriptionFilter;
  invalidationFilter?: SubscriptionFilter;
  /**
   * Subscriptions with equal keys render any payload identically (same document, variables and
   * auth-relevant context), so fan-out renders once per group.
   */
  groupKey: string;
  /** Applies this subscriber's selection set (and its auth mode's field rules) to an event payload. */
  render(payload: unknown): ExecuteResult;
}

export interface MutationEvent {
  mutationField: string;
  /** The mutation field's result after the mutation's own selection set. */
  payload: unknown;
  requestId: string;
}

export interface InvalidationEvent {
  subscriptionField: string;
  payload: unknown;
}

export interface Engine {
  readonly schema: GraphQLSchema;
  /** Queries and mutations. */
  execute(request: GraphQLRequest, options: ExecuteOptions): Promise<ExecuteResult>;
  /** Validates a subscription, applies auth rules and runs its resolver; called on `start`. */
  prepareSubscription(
    request: GraphQLRequest,
    options: ExecuteOptions,
  ): Promise<{ ok: true; subscription: PreparedSubscription } | { ok: false; errors: AppSyncGraphQLError[] }>;
  onMutation(listener: (event: MutationEvent) => void): () => void;
  onInvalidation(listener: (event: InvalidationEvent) => void): () => void;
}
