/**
 * How the AppSync API authorizes requests, declared once for both halves: `local/src/stack.ts`
 * configures the offline authenticator from it and `infra/src/stacks/api-stack.ts` the cloud API.
 *
 * Default mode AWS_LAMBDA: every browser request — a Cognito access token, or `guest` — goes through
 * the Lambda authorizer, which verifies the token and returns `resolverContext {sub, username, handle}`
 * (or the guest policy). AWS_IAM is the additional mode stream consumers sign publish mutations with.
 * There is deliberately no AMAZON_COGNITO_USER_POOLS mode: AppSync routes any JWT-shaped
 * Authorization header to the user-pool mode when that mode is enabled, so the authorizer would
 * never see a signed-in user (docs/decisions/012-lambda-authorizer-only.md).
 *
 * `limits` are the API's cost settings, enforced by AppSync in the cloud and by the offline engine
 * with AppSync's errors (docs/decisions/014-request-cost-limits.md).
 *
 * `cache` is the API's server-side cache (`AWS::AppSync::ApiCache`); which resolvers it answers,
 * with which keys and TTLs, is in definitions/caching.ts (docs/caching.md).
 */
import { functions } from './functions.ts';

export type AuthMode = 'API_KEY' | 'AWS_IAM' | 'AMAZON_COGNITO_USER_POOLS' | 'OPENID_CONNECT' | 'AWS_LAMBDA';

export interface ApiDefinition {
  defaultAuthMode: AuthMode;
  additionalAuthModes: AuthMode[];
  authorizer: {
    /** `lambdas/…#handler` */
    handler: string;
    /**
     * AppSync's authorizer result cache (`authorizerResultTtlInSeconds`, 0–3600) for answers without
     * `ttlOverride`; the authorizer sets one on every answer (users: USER_TTL_SECONDS, default 60).
     */
    resultTtlSeconds: number;
    /**
     * How long a signed-in user's answer may be cached: the bound on how late a revoked token is
     * refused (docs/decisions/013-token-revocation.md). USER_TTL_SECONDS overrides it (tests).
     */
    userTtlSeconds: number;
    /** AppSync gives an authorizer at most 10 s. */
    timeoutSeconds: number;
  };
  /** AppSync's per-request limits ("Configuring query depth and resolver count limits"). */
  limits: {
    /**
     * `queryDepthLimit` (1–75): a field nested deeper fails with `QueryDepthLimitReached`. Twice the
     * deepest operation the app sends (5: homeFeed → items → crud → author → id).
     */
    queryDepthLimit: number;
    /**
     * `resolverCountLimit` (1–10,000; AppSync's default is 10,000): resolvers past it fail with
     * `ResolverExecutionLimitReached`. Above the heaviest operation the app sends at the largest page
     * the API accepts (HomeFeed at 50: 251), so one request reads at most ~300 pages however many aliases it holds.
     */
    resolverCountLimit: number;
  };
  cache: {
    /**
     * PER_RESOLVER_CACHING: only resolvers with a caching config are cached. (FULL_REQUEST_CACHING
     * would cache every resolver keyed on the caller and arguments, including the per-caller
     * fields; the offline engine emulates per-resolver caching only.)
     */
    behavior: 'PER_RESOLVER_CACHING';
    /** The ElastiCache instance behind it (`SMALL`: 1 vCPU, 1.5 GiB); no offline meaning. */
    type: 'SMALL' | 'MEDIUM' | 'LARGE' | 'XLARGE' | 'LARGE_2X' | 'LARGE_4X' | 'LARGE_8X' | 'LARGE_12X';
    /** The API cache's TTL (1–3,600 s); each cached resolver sets its own. */
    ttlSeconds: number;
    /** Encryption of the cache's traffic and of its data at rest (cdk-nag asks for both; ignored offline). */
    transitEncryption: boolean;
    atRestEncryption: boolean;
  };
}

export const api: ApiDefinition = {
  defaultAuthMode: 'AWS_LAMBDA',
  additionalAuthModes: ['AWS_IAM'],
  authorizer: {
    handler: functions.authorizer.handler,
    resultTtlSeconds: 60,
    // The authorizer's tunable default (functions.ts), declared once.
    userTtlSeconds: Number(functions.authorizer.tunables.USER_TTL_SECONDS),
    timeoutSeconds: 10,
  },
  limits: {
    queryDepthLimit: 10,
    resolverCountLimit: 300,
  },
  cache: {
    behavior: 'PER_RESOLVER_CACHING',
    type: 'SMALL',
    ttlSeconds: 60,
    transitEncryption: true,
    atRestEncryption: true,
  },
};
