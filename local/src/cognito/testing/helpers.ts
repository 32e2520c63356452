/** Small helpers for wire-level tests: sign up + confirm a user, sign in with USER_PASSWORD_AUTH. */
import { callCognito } from '../client.ts';
import type { DynamoStack } from '../../dynamodb/index.ts';
import type { CognitoHandle } from '../index.ts';

export const goodPassword = 'Correct-Horse-1';

export async function createUser(c: CognitoHandle, email: string, handle: string, password = goodPassword): Promise<string> {
  const { UserSub } = await callCognito<{ UserSub: string }>(c.url, 'SignUp', {
    ClientId: c.clientId,
    Username: email,
    Password: password,
    UserAttributes: [
      { Name: 'name', Value: handle },
      { Name: 'preferred_username', Value: handle },
    ],
  });
  await callCognito(c.url, 'ConfirmSignUp', { ClientId: c.clientId, Username: email, ConfirmationCode: await c.outbox.latest(email) });
  return UserSub;
}

export interface Tokens {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
}

export async function passwordSignIn(c: CognitoHandle, email: string, password = goodPassword): Promise<Tokens> {
  const out = await callCognito<{ AuthenticationResult: Tokens }>(c.url, 'InitiateAuth', {
    ClientId: c.clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  return out.AuthenticationResult;
}

export const decodeJwt = (token: string) => ({
  header: JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()),
  payload: JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()),
});

/** The environment in-process triggers (and other Lambdas) need to reach the embedded table. */
export const lambdaEnvFor = (dynamo: DynamoStack): Record<string, string> => ({
  TABLE_NAME: dynamo.tableName,
  AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  AWS_REGION: dynamo.region,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
});
