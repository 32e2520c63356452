/**
 * AppSync Lambda authorizer (AWS_LAMBDA mode). A Cognito access token from our pool and client
 * whose session Cognito still honours → resolverContext {sub, username, handle}; the token `guest`
 * → resolverContext {guest: "true"} with every non-public root field denied; anything else →
 * isAuthorized false. Response shape: AppSync Developer Guide, "Configuring authorization"
 * (AWS_LAMBDA). Revocation (sign-out everywhere, deletion, disabling) is checked with Cognito
 * GetUser on every cache miss; see docs/decisions/013-token-revocation.md.
 */
import fs from 'node:fs';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { userKey } from '../../definitions/keys.ts';
import { instrument, powertools } from '../shared/powertools.ts';
import { dynamoClient, tableName } from '../shared/table.ts';
import { readConfig } from './config.ts';
import { guestDeniedFields } from './guest-policy.ts';
import { createLastConfirmed, type LastConfirmed } from './last-confirmed.ts';
import { createSessionCheck, type SessionCheck } from './session-check.ts';
import { createAccessTokenVerifier, type AccessTokenVerifier } from './verifier.ts';

const tools = powertools('authorizer');
const { logger } = tools;

export interface AppSyncAuthorizerEvent {
  authorizationToken: string;
  requestContext: { apiId: string; accountId: string; requestId: string; queryString: string; operationName?: string; variables: Record<string, unknown> };
  requestHeaders?: Record<string, string>;
}

export interface AppSyncAuthorizerResult {
  isAuthorized: boolean;
  resolverContext?: Record<string, string>;
  deniedFields?: string[];
  ttlOverride?: number;
}

/** The guest answer never changes until the next deployment. */
const guestTtlSeconds = 3600;
/** While Cognito cannot answer, a session it confirmed alive this recently is still admitted. */
const staleIfErrorMs = 15 * 60_000;

// Built once per container (cold start), from the environment.
let state: { verify: AccessTokenVerifier; sessionCheck: SessionCheck; lastConfirmed: LastConfirmed; guestDenied: string[]; userTtlSeconds: number } | undefined;
function init() {
  if (!state) {
    const config = readConfig();
    state = {
      verify: createAccessTokenVerifier(config),
      sessionCheck: createSessionCheck({ region: config.userPoolId.split('_')[0] }),
      lastConfirmed: createLastConfirmed(),
      guestDenied: guestDeniedFields(fs.readFileSync(config.schemaPath, 'utf8')),
      // A user's answer is cached at most this long (the revocation bound), never past the token's expiry.
      userTtlSeconds: config.userTtlSeconds,
    };
    logger.info('authorizer ready', { issuer: config.issuer, guestDeniedFields: state.guestDenied.length, userTtlSeconds: state.userTtlSeconds });
  }
  return state;
}

/** The caller's handle from their profile; "" while the profile does not exist yet. */
async function handleOf(sub: string): Promise<string> {
  const { Item } = await dynamoClient().send(
    new GetItemCommand({ TableName: tableName(), Key: marshall(userKey(sub)), ProjectionExpression: 'handle' }),
  );
  return Item?.handle?.S ?? '';
}

async function handle(event: AppSyncAuthorizerEvent): Promise<AppSyncAuthorizerResult> {
  const { verify, sessionCheck, lastConfirmed, guestDenied, userTtlSeconds } = init();
  const token = (event.authorizationToken ?? '').replace(/^Bearer\s+/i, '');
  const requestId = event.requestContext?.requestId;
  if (token === 'guest') {
    return { isAuthorized: true, resolverContext: { guest: 'true' }, deniedFields: guestDenied, ttlOverride: guestTtlSeconds };
  }
  let claims;
  try {
    claims = await verify(token);
  } catch (err) {
    logger.info('token refused', { requestId, reason: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    return { isAuthorized: false, ttlOverride: 0 };
  }
  const [session, handle] = await Promise.all([sessionCheck(token), handleOf(claims.sub)]);
  const now = Date.now();
  if (session.state === 'refused') {
    lastConfirmed.forget(token);
    logger.info('token refused', { requestId, sub: claims.sub, reason: session.reason });
    return { isAuthorized: false, ttlOverride: 0 };
  }
  if (session.state === 'active') lastConfirmed.confirm(token, now);
  else {
    // Cognito unreachable or throttling: admit only a session it confirmed alive in the last 15
    // minutes (active users keep working through a blip); an unchecked token is refused, uncached,
    // so exhausting the GetUser quota cannot smuggle a revoked token in (decision 013).
    tools.metrics.addMetric('SessionCheckUnavailable', MetricUnit.Count, 1);
    if (!lastConfirmed.within(token, staleIfErrorMs, now)) {
      logger.warn('session check unavailable; unconfirmed token refused', { requestId, sub: claims.sub, reason: session.reason });
      return { isAuthorized: false, ttlOverride: 0 };
    }
    logger.warn('session check unavailable; admitted on a recent confirmation', { requestId, sub: claims.sub, reason: session.reason });
  }
  const ttl = Math.max(0, Math.min(userTtlSeconds, claims.exp - Math.floor(now / 1000)));
  logger.info('authorized', { requestId, sub: claims.sub });
  return { isAuthorized: true, resolverContext: { sub: claims.sub, username: claims.username, handle }, ttlOverride: ttl };
}

/** The Lambda entry point: `handle` with Powertools logging context, cold-start and error metrics, tracing. */
export const handler = instrument(tools, handle);
