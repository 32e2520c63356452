/**
 * The production authorizer against the real offline pool after each way a session ends:
 * GlobalSignOut, AdminUserGlobalSignOut, DeleteUser, AdminDeleteUser, AdminDisableUser — driven
 * with the AWS SDK's Cognito client, as an app or an administrator with the AWS CLI would.
 */
import { randomUUID } from 'node:crypto';
import {
  AdminDeleteUserCommand, AdminDisableUserCommand, AdminEnableUserCommand, AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient, DeleteUserCommand, GlobalSignOutCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CognitoHandle } from '../../local/src/cognito/index.ts';
import { createUser, passwordSignIn } from '../../local/src/cognito/testing/helpers.ts';
import type { DynamoStack } from '../../local/src/dynamodb/index.ts';
import { createSessionCheck } from './session-check.ts';
import { authorize, startAuthorizerWorld, type AuthorizerWorld } from './testing/world.ts';

let world: AuthorizerWorld;
let dynamo: DynamoStack;
let pool: CognitoHandle;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  world = await startAuthorizerWorld();
  ({ dynamo, pool } = world);
  cognito = new CognitoIdentityProviderClient({ region: dynamo.region, endpoint: pool.url, credentials: pool.iamCredential });
});
afterAll(async () => {
  cognito?.destroy();
  await world?.close();
});

async function freshUser() {
  const email = `r-${randomUUID().slice(0, 8)}@example.com`;
  const sub = await createUser(pool, email, `r_${randomUUID().slice(0, 8)}`);
  return { email, sub, tokens: await passwordSignIn(pool, email) };
}

const actions = {
  GlobalSignOut: (u: Awaited<ReturnType<typeof freshUser>>) => cognito.send(new GlobalSignOutCommand({ AccessToken: u.tokens.AccessToken })),
  AdminUserGlobalSignOut: (u: Awaited<ReturnType<typeof freshUser>>) => cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: pool.userPoolId, Username: u.email })),
  DeleteUser: (u: Awaited<ReturnType<typeof freshUser>>) => cognito.send(new DeleteUserCommand({ AccessToken: u.tokens.AccessToken })),
  AdminDeleteUser: (u: Awaited<ReturnType<typeof freshUser>>) => cognito.send(new AdminDeleteUserCommand({ UserPoolId: pool.userPoolId, Username: u.email })),
  AdminDisableUser: (u: Awaited<ReturnType<typeof freshUser>>) => cognito.send(new AdminDisableUserCommand({ UserPoolId: pool.userPoolId, Username: u.email })),
};

describe('authorizer after a session ends', () => {
  it('admits live sessions with a ttl no longer than the 60 s default', async () => {
    const { tokens, sub } = await freshUser();
    const result = await authorize(tokens.AccessToken);
    expect(result).toMatchObject({ isAuthorized: true, resolverContext: { sub } });
    expect(result.ttlOverride).toBeGreaterThan(0);
    expect(result.ttlOverride).toBeLessThanOrEqual(60);
  });

  for (const [name, act] of Object.entries(actions)) {
    it(`refuses the old access token after ${name}, uncached`, async () => {
      const user = await freshUser();
      expect(await authorize(user.tokens.AccessToken)).toMatchObject({ isAuthorized: true });
      await act(user);
      expect(await authorize(user.tokens.AccessToken)).toEqual({ isAuthorized: false, ttlOverride: 0 });
    });
  }

  it('admits a new session after sign-out everywhere, and after a disabled user is enabled again', async () => {
    const user = await freshUser();
    await actions.GlobalSignOut(user);
    expect(await authorize((await passwordSignIn(pool, user.email)).AccessToken)).toMatchObject({ isAuthorized: true });
    const disabled = await freshUser();
    await actions.AdminDisableUser(disabled);
    await expect(passwordSignIn(pool, disabled.email)).rejects.toMatchObject({ type: 'NotAuthorizedException', message: 'User is disabled.' });
    await cognito.send(new AdminEnableUserCommand({ UserPoolId: pool.userPoolId, Username: disabled.email }));
    // AdminDisableUser revoked the old tokens for good; a fresh sign-in works again.
    expect(await authorize(disabled.tokens.AccessToken)).toMatchObject({ isAuthorized: false });
    expect(await authorize((await passwordSignIn(pool, disabled.email)).AccessToken)).toMatchObject({ isAuthorized: true });
  });
});

describe('session check', () => {
  it('reports Cognito being unreachable as unknown, not as refused', async () => {
    const { tokens } = await freshUser();
    const check = createSessionCheck({ region: dynamo.region, endpoint: 'http://127.0.0.1:9' });
    expect(await check(tokens.AccessToken)).toMatchObject({ state: 'unknown' });
  });

  it("names Cognito's reason when it refuses", async () => {
    const user = await freshUser();
    const check = createSessionCheck({ region: dynamo.region, endpoint: pool.url });
    expect(await check(user.tokens.AccessToken)).toEqual({ state: 'active' });
    await actions.GlobalSignOut(user);
    expect(await check(user.tokens.AccessToken)).toEqual({ state: 'refused', reason: 'NotAuthorizedException: Access Token has been revoked' });
  });
});
