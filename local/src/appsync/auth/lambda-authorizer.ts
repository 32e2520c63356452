/**
 * AWS_LAMBDA mode (developer guide, "security-authz", AWS_LAMBDA authorization): check the token
 * against `identityValidationExpression`, invoke the authorizer with AppSync's event, honour
 * `isAuthorized`, `resolverContext`, `deniedFields` and `ttlOverride`, and cache the response per
 * token for `ttlOverride ?? authorizerResultTtlInSeconds` seconds (0 = no caching).
 */
import { resolveFunctionEnv } from '../../lambda-runtime/function-env.ts';
import { invokeHandler } from '../../lambda-runtime/invoke.ts';
import type { LambdaAuthorizerConfig } from './config.ts';
import { normaliseDeniedFields } from './denied-fields.ts';
import { authFailures } from './errors.ts';
import type { AuthResult, IncomingAuthRequest } from './types.ts';

/** The event AppSync sends an authorizer (`requestHeaders` since 2024-04-09). */
export interface AppSyncAuthorizerEvent {
  authorizationToken: string;
  requestContext: {
    apiId: string;
    accountId: string;
    requestId: string;
    queryString: string;
    operationName?: string;
    variables: Record<string, unknown>;
  };
  requestHeaders: Record<string, string>;
}

export interface AppSyncAuthorizerResponse {
  isAuthorized: boolean;
  resolverContext?: Record<string, unknown>;
  deniedFields?: string[];
  ttlOverride?: number;
}

export interface LambdaAuthenticator {
  authenticate(token: string, request: IncomingAuthRequest, requestId: string): Promise<AuthResult>;
  /** Number of cached authorizer responses (for tests and diagnostics). */
  readonly cacheSize: number;
}

function toResult(response: AppSyncAuthorizerResponse): AuthResult {
  if (!response.isAuthorized) return authFailures.denied();
  return {
    ok: true,
    auth: {
      mode: 'AWS_LAMBDA',
      identity: { resolverContext: response.resolverContext ?? {} },
      deniedFields: normaliseDeniedFields(response.deniedFields),
    },
  };
}

function isResponse(value: unknown): value is AppSyncAuthorizerResponse {
  return typeof value === 'object' && value !== null && typeof (value as { isAuthorized?: unknown }).isAuthorized === 'boolean';
}

export function createLambdaAuthenticator(
  config: LambdaAuthorizerConfig,
  api: { apiId: string; accountId: string; region: string },
  clock: () => number = Date.now,
): LambdaAuthenticator {
  const validation = config.identityValidationExpression ? new RegExp(config.identityValidationExpression) : undefined;
  const defaultTtl = Math.min(3600, Math.max(0, config.authorizerResultTtlInSeconds ?? 0));
  const cache = new Map<string, { expires: number; response: AppSyncAuthorizerResponse }>();
  const functionName = config.functionName ?? 'authorizer';
  const run = (event: AppSyncAuthorizerEvent) =>
    invokeHandler(config.handler, event, {
      functionName,
      timeoutMs: config.timeoutMs ?? 10_000,
      region: api.region,
      accountId: api.accountId,
      env: resolveFunctionEnv(config.env),
    });
  const inflight = new Map<string, Promise<AppSyncAuthorizerResponse | null>>();
  /** One invocation; caches the answer for its TTL; null for a throw, timeout or malformed answer. */
  const invoke = async (token: string, request: IncomingAuthRequest, requestId: string): Promise<AppSyncAuthorizerResponse | null> => {
    const now = clock();
    let response: unknown;
    try {
      response = await run({
        authorizationToken: token,
        requestContext: {
          apiId: api.apiId,
          accountId: api.accountId,
          requestId,
          queryString: request.query ?? '',
          operationName: request.operationName ?? undefined,
          variables: request.variables ?? {},
        },
        requestHeaders: request.headers,
      });
    } catch {
      // A thrown error or a timeout denies the request; the handler's own logs say why.
      return null;
    }
    if (!isResponse(response)) return null;
    const ttl = typeof response.ttlOverride === 'number' ? Math.min(3600, Math.max(0, response.ttlOverride)) : defaultTtl;
    if (ttl > 0) remember(token, now + ttl * 1000, response);
    return response;
  };
  const remember = (token: string, expires: number, response: AppSyncAuthorizerResponse) => {
    // Bound memory under many distinct tokens: drop expired entries before growing further.
    if (cache.size >= 10_000) for (const [key, entry] of cache) if (entry.expires <= clock()) cache.delete(key);
    cache.set(token, { expires, response });
  };

  return {
    get cacheSize() {
      return cache.size;
    },
    async authenticate(token, request, requestId) {
      if (validation && !validation.test(token)) return authFailures.denied();
      const now = clock();
      const cached = cache.get(token);
      if (cached && cached.expires > now) return toResult(cached.response);
      if (cached) cache.delete(token);
      // Concurrent misses for one token and one operation (a burst of the same request, or the
      // real-time re-authorization sweep over sockets sharing a token) share one invocation. The
      // operation is part of the key: AppSync invokes per request on a miss, and an authorizer
      // may answer differently per query (with a TTL of 0 nothing else would tell them apart).
      const key = `${token}\n${request.operationName ?? ''}\n${request.query ?? ''}\n${JSON.stringify(request.variables ?? {})}`;
      let pending = inflight.get(key);
      if (!pending) {
        pending = invoke(token, request, requestId).finally(() => inflight.delete(key));
        inflight.set(key, pending);
      }
      const response = await pending;
      return response ? toResult(response) : authFailures.denied();
    },
  };
}
