/**
 * `createEngine`: the GraphQL engine the HTTP endpoint and the real-time server call. Loads the
 * AppSync-dialect schema, compiles every resolver once, installs per-field resolvers that apply
 * AppSync's auth rules, caches parsed documents, and publishes mutation and invalidation events.
 */
import type { ResolverWiring } from '../../app-definition.ts';
import type { AuthMode } from '../auth/types.ts';
import { ApiCache, type ApiCacheStats, type CachingBehavior } from '../cache/api-cache.ts';
import type { DataSource } from '../datasources/types.ts';
import { computeAuthRules } from '../schema/auth-rules.ts';
import { loadSchema } from '../schema/load-schema.ts';
import { compileResolvers } from './compile-resolvers.ts';
import type { OperationDefinitionNode } from 'graphql';
import { DocumentCache, type CachedDocument } from './document-cache.ts';
import { documentErrors, runDocument, selectOperation } from './execute-document.ts';
import { installFieldResolvers } from './field-resolvers.ts';
import { mutationEvents } from './mutation-events.ts';
import { operationDepth } from './query-depth.ts';
import { createState, Phase } from './request-state.ts';
import { prepareSubscription } from './subscription.ts';
import type { AppSyncGraphQLError, Engine, ExecuteOptions, ExecuteResult, GraphQLRequest, InvalidationEvent, MutationEvent } from './types.ts';

/** The subset of a pino logger the engine uses. */
export interface EngineLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface EngineLimits {
  /** The API's `resolverCountLimit`: resolver executions per request, 1–10,000; 0 or absent means AppSync's 10,000. */
  resolverCountLimit?: number;
  /** The API's `queryDepthLimit`: nesting levels per query, 1–75; 0 or absent means no limit. */
  queryDepthLimit?: number;
  /** Request execution time (AppSync quota: 30 s; configurable only so tests need not wait). */
  timeoutMs?: number;
  /** Data-source calls one request may have in flight (offline fairness; default 8). */
  maxInFlight?: number;
  /** Parsed+validated documents kept (LRU). */
  documentCacheSize?: number;
  /** Unique `extensions.invalidateSubscriptions` calls per request (AppSync: 5). */
  maxInvalidations?: number;
}

export interface EngineOptions {
  /** The schema in AppSync's dialect (no need to declare AWS scalars or directives). */
  schemaSource: string;
  /** The app's resolver wiring (`AppDefinition.resolvers`). */
  resolvers: ResolverWiring[];
  /** Returns the bundled code of a resolver file (`AppDefinition.bundleResolver`). */
  loadCode: (file: string) => Promise<string>;
  dataSources: Record<string, DataSource>;
  defaultAuthMode: AuthMode;
  additionalAuthModes: AuthMode[];
  /** `ctx.env`. */
  env?: Record<string, string>;
  log?: EngineLogger;
  limits?: EngineLimits;
  /** The API cache (`AppDefinition.api.cache`); absent: no server-side caching. */
  cache?: { behavior: CachingBehavior; maxBytes?: number };
}

/** The engine plus introspection of its caches (for tests and benchmarks). */
export interface AppSyncEngine extends Engine {
  readonly documentCache: { readonly hits: number; readonly misses: number; readonly size: number };
  /** The server-side cache, when the API has one. */
  readonly apiCache?: ApiCacheStats & { flush(): void };
}

/**
 * graphql-js asserts (throws) on these; a client gets AppSync's answer to a body it cannot parse
 * instead (graphql/graphql-over-http#81: "Unable to parse GraphQL query.",
 * `MalformedHttpRequestException`, HTTP 400 — the status is the transport's business).
 */
function checkRequest(request: GraphQLRequest): AppSyncGraphQLError | undefined {
  const v = request?.variables;
  const badQuery = typeof request?.query !== 'string' || request.query.trim() === '';
  const badVariables = v !== undefined && v !== null && (typeof v !== 'object' || Array.isArray(v));
  const badName = request?.operationName !== undefined && request.operationName !== null && typeof request.operationName !== 'string';
  if (badQuery || badVariables || badName) return { errorType: 'MalformedHttpRequestException', message: 'Unable to parse GraphQL query.' };
  return undefined;
}

/** AppSync's ranges for the API settings (CreateGraphqlApi: 0 = unset, else 1–10,000 and 1–75). */
function checkedLimit(name: string, value: number | undefined, max: number): number {
  const v = value ?? 0;
  if (!Number.isInteger(v) || v < 0 || v > max) throw new Error(`${name} must be an integer between 1 and ${max} (0 or absent: unset), got ${value}`);
  return v;
}

export async function createEngine(options: EngineOptions): Promise<AppSyncEngine> {
  const { schema, subscriptionsByMutation, mutationsBySubscription } = loadSchema(options.schemaSource);
  const limits = {
    maxResolvers: checkedLimit('resolverCountLimit', options.limits?.resolverCountLimit, 10_000) || 10_000,
    queryDepthLimit: checkedLimit('queryDepthLimit', options.limits?.queryDepthLimit, 75),
    timeoutMs: options.limits?.timeoutMs ?? 30_000,
    maxInFlight: options.limits?.maxInFlight,
    maxInvalidations: options.limits?.maxInvalidations ?? 5,
  };
  /** The depth limit a run must enforce: only when the operation goes past it. */
  const depthLimitFor = (operation: OperationDefinitionNode, fragments: CachedDocument['fragments']) =>
    limits.queryDepthLimit !== 0 && operationDepth(operation, fragments) > limits.queryDepthLimit ? limits.queryDepthLimit : 0;
  const resolvers = await compileResolvers(schema, options.resolvers, options.dataSources, options.loadCode);
  const log = options.log;
  const apiCache = options.cache ? newApiCache(options.cache, options.resolvers) : undefined;
  installFieldResolvers(schema, {
    cache: apiCache,
    authRules: computeAuthRules(schema, options.defaultAuthMode),
    resolvers,
    maxResolvers: limits.maxResolvers,
    env: {
      env: { ...(options.env ?? {}) },
      onLog: log ? (requestId, field, line) => log.info({ requestId, field }, line) : undefined,
    },
  });
  const cache = new DocumentCache(schema, options.limits?.documentCacheSize ?? 1000);
  const mutationListeners = new Set<(e: MutationEvent) => void>();
  const invalidationListeners = new Set<(e: InvalidationEvent) => void>();

  const emit = <T>(listeners: Set<(e: T) => void>, event: T) => {
    for (const l of listeners) {
      try {
        l(event);
      } catch (err) {
        log?.error({ err }, 'engine event listener failed');
      }
    }
  };

  async function executeRequest(request: GraphQLRequest, opts: ExecuteOptions): Promise<ExecuteResult> {
    const bad = checkRequest(request);
    if (bad) return { data: null, errors: [bad] };
    const doc = await cache.getInTurns(request.query);
    if (doc.errors) return documentErrors(doc);
    const operation = selectOperation(doc, request.operationName);
    if (typeof operation === 'string') return { data: null, errors: [{ message: operation }] };
    const state = createState({
      phase: Phase.Execute, auth: opts.auth, requestId: opts.requestId, headers: opts.headers,
      domainName: opts.domainName, variables: request.variables, timeoutMs: limits.timeoutMs,
      depthLimit: depthLimitFor(operation, doc.fragments), maxInFlight: limits.maxInFlight,
    });
    const run = await runDocument(schema, doc, operation, request.variables, state);
    if (run.timedOut || operation.operation !== 'mutation') return run.result;
    // "If the entry is successfully cleared, the response contains an apiCacheEntriesDeleted value
    // in the extensions object" (extensions-js): nothing when no entry went.
    const deleted = apiCache && state.evictions.length > 0 ? apiCache.evict(state.evictions) : 0;
    if (deleted > 0) run.result.extensions = { ...run.result.extensions, apiCacheEntriesDeleted: deleted };

    const unique = new Map(state.invalidations.map((i) => [JSON.stringify(i), i]));
    if (unique.size > limits.maxInvalidations) {
      run.result.errors = [
        ...(run.result.errors ?? []),
        { message: `extensions.invalidateSubscriptions was called ${unique.size} times; at most ${limits.maxInvalidations} unique calls are allowed per request`, errorType: 'BadRequestException' },
      ];
    } else {
      for (const inv of unique.values()) emit(invalidationListeners, { subscriptionField: inv.subscriptionField, payload: inv.payload });
    }
    for (const event of mutationEvents(operation, doc.fragments, run.result.data, subscriptionsByMutation, opts.requestId)) {
      emit(mutationListeners, event);
    }
    return run.result;
  }

  return {
    schema,
    execute: executeRequest,
    prepareSubscription: async (request, opts) => {
      const bad = checkRequest(request);
      if (bad) return { ok: false, errors: [bad] };
      return prepareSubscription({ schema, mutationsBySubscription, timeoutMs: limits.timeoutMs, depthLimitFor }, await cache.getInTurns(request.query), request, opts);
    },
    onMutation(listener) {
      mutationListeners.add(listener);
      return () => mutationListeners.delete(listener);
    },
    onInvalidation(listener) {
      invalidationListeners.add(listener);
      return () => invalidationListeners.delete(listener);
    },
    documentCache: cache,
    apiCache,
  };
}

function newApiCache(config: NonNullable<EngineOptions['cache']>, wirings: readonly ResolverWiring[]): ApiCache {
  const resolvers = new Map(wirings.filter((w) => w.caching).map((w) => [`${w.typeName}.${w.fieldName}`, w.caching!]));
  return new ApiCache({ behavior: config.behavior, resolvers, maxBytes: config.maxBytes });
}
