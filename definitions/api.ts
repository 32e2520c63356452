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
 */
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
}

export const api: ApiDefinition = {
  defaultAuthMode: 'AWS_LAMBDA',
  additionalAuthModes: ['AWS_IAM'],
  authorizer: {
    handler: 'lambdas/authorizer/index.ts#handler',
    resultTtlSeconds: 60,
    userTtlSeconds: 60,
    timeoutSeconds: 10,
  },
};
