/**
 * Is the session behind a signature-valid access token still alive? Cognito is the authority: its
 * GetUser action takes the access token itself (no IAM permission) and refuses it with
 * NotAuthorizedException "Access Token has been revoked" after GlobalSignOut /
 * AdminUserGlobalSignOut (and after AdminDisableUser, which revokes the user's tokens),
 * NotAuthorizedException "User is disabled.", or UserNotFoundException once the user is deleted
 * (Cognito API Reference, GetUser, Errors). The endpoint is the SDK's own configuration:
 * AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER offline, the regional endpoint in AWS.
 */
import { CognitoIdentityProviderClient, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';

export type SessionState =
  | { state: 'active' }
  /** Cognito refused the token: revoked, user disabled, deleted, unconfirmed or must reset. */
  | { state: 'refused'; reason: string }
  /** Cognito did not answer usefully (unreachable, throttling, 5xx, timeout). */
  | { state: 'unknown'; reason: string };

export type SessionCheck = (accessToken: string) => Promise<SessionState>;

/** Errors that mean "this token no longer stands for a live session". */
const refusals = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  'UserNotConfirmedException',
  'PasswordResetRequiredException',
  'ResourceNotFoundException',
  'InvalidParameterException',
]);

export interface SessionCheckOptions {
  region: string;
  /** Overrides the SDK's endpoint resolution (tests); normally left to the environment. */
  endpoint?: string;
}

export function createSessionCheck(options: SessionCheckOptions): SessionCheck {
  const client = new CognitoIdentityProviderClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    // AppSync gives the authorizer 10 s in all; one retry, each attempt bounded.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 2500 },
  });
  return async (accessToken) => {
    try {
      await client.send(new GetUserCommand({ AccessToken: accessToken }));
      return { state: 'active' };
    } catch (err) {
      const name = err instanceof Error ? err.name : 'Error';
      const reason = `${name}: ${err instanceof Error ? err.message : String(err)}`;
      return refusals.has(name) ? { state: 'refused', reason } : { state: 'unknown', reason };
    }
  };
}
