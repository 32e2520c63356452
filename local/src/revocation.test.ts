/**
 * Revocation end to end on the offline stack: after each way a session ends (GlobalSignOut,
 * AdminUserGlobalSignOut, the app's account deletion + DeleteUser, AdminDeleteUser,
 * AdminDisableUser — driven with the AWS SDK against the local Cognito), the old access token gets
 * HTTP 401, its open real-time socket is closed with exact frames, a new handshake with it is
 * refused, and a fresh sign-in works only while the user exists and is enabled. The revocation bound
 * is shortened the honest way: USER_TTL_SECONDS (the authorizer's configuration) and the real-time
 * re-authorization interval; production values are 60 s and 10 s.
 */
import { randomUUID } from 'node:crypto';
import {
  AdminDeleteUserCommand, AdminDisableUserCommand, AdminEnableUserCommand, AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient, DeleteUserCommand, GlobalSignOutCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameClient, b64url } from './appsync/realtime/testing/harness.ts';
import { createUser, passwordSignIn } from './cognito/testing/helpers.ts';
import { startStack, type Stack } from './stack.ts';

let stack: Stack;
let cognito: CognitoIdentityProviderClient;
let host: string;

beforeAll(async () => {
  stack = await startStack({ ports: {}, log: 'silent', realtimeLimits: { reauthorizeIntervalMs: 250 }, functionVariables: { authorizer: { USER_TTL_SECONDS: '1' } } });
  host = new URL(stack.urls.graphql).host;
  cognito = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: stack.cognito.url, credentials: stack.iamCredential });
}, 120_000);
afterAll(async () => {
  cognito?.destroy();
  await stack?.close();
});

async function gql(token: string, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(stack.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: await res.json() };
}

interface User {
  email: string;
  handle: string;
  sub: string;
  token: string;
}

async function freshUser(): Promise<User> {
  const email = `rv-${randomUUID().slice(0, 8)}@example.com`;
  const handle = `rv_${randomUUID().slice(0, 8)}`;
  const sub = await createUser(stack.cognito, email, handle);
  return { email, handle, sub, token: (await passwordSignIn(stack.cognito, email)).AccessToken };
}

/** A socket as Amplify v6 opens it (header subprotocol), acknowledged, with one live subscription. */
async function subscribedSocket(user: User): Promise<FrameClient> {
  const auth = { host, Authorization: user.token };
  const client = new FrameClient(new WebSocket(`${stack.urls.graphql.replace('http', 'ws')}/realtime`, ['graphql-ws', `header-${b64url(auth)}`]));
  await client.opened;
  client.send({ type: 'connection_init' });
  expect(await client.next()).toMatchObject({ type: 'connection_ack' });
  expect(await client.next()).toEqual({ type: 'ka' });
  const query = 'subscription N($r: ID!) { onNotification(recipientId: $r) { id } }';
  client.send({ id: 'n1', type: 'start', payload: { data: JSON.stringify({ query, variables: { r: user.sub } }), extensions: { authorization: auth } } });
  expect(await client.next()).toEqual({ type: 'start_ack', id: 'n1' });
  return client;
}

const unauthorized = { errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' };

const actions: Record<string, (u: User) => Promise<unknown>> = {
  GlobalSignOut: (u) => cognito.send(new GlobalSignOutCommand({ AccessToken: u.token })),
  AdminUserGlobalSignOut: (u) => cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: stack.cognito.userPoolId, Username: u.email })),
  // The app's account deletion: the deleteAccount mutation, then Cognito DeleteUser.
  DeleteUser: async (u) => {
    expect((await gql(u.token, 'mutation { deleteAccount }')).body).toEqual({ data: { deleteAccount: u.sub } });
    return cognito.send(new DeleteUserCommand({ AccessToken: u.token }));
  },
  AdminDeleteUser: (u) => cognito.send(new AdminDeleteUserCommand({ UserPoolId: stack.cognito.userPoolId, Username: u.email })),
  AdminDisableUser: (u) => cognito.send(new AdminDisableUserCommand({ UserPoolId: stack.cognito.userPoolId, Username: u.email })),
};

describe('a revoked access token', () => {
  for (const [name, act] of Object.entries(actions)) {
    it(`is refused everywhere after ${name}`, async () => {
      const user = await freshUser();
      const post = await gql(user.token, 'mutation P($m: String!) { createCrud(message: $m) { id } }', { m: `before ${name}` });
      expect(post.status).toBe(200);
      expect(post.body.errors).toBeUndefined();
      const socket = await subscribedSocket(user);

      await act(user);

      // The open socket: an error for its subscription, then connection_error, then close.
      expect(await socket.next(15_000)).toEqual({ type: 'error', id: 'n1', payload: { errors: [unauthorized] } });
      expect(await socket.next()).toEqual({ type: 'connection_error', payload: { errors: [{ ...unauthorized, errorCode: 401 }] } });
      expect(await socket.closed).toEqual({ code: 1000, reason: 'connection_error' });

      // HTTP: 401 UnauthorizedException (the refusal is never cached).
      const after = await gql(user.token, 'mutation P($m: String!) { createCrud(message: $m) { id } }', { m: `after ${name}` });
      expect(after).toEqual({ status: 401, body: { errors: [unauthorized] } });

      // A new handshake with the old token.
      const again = new FrameClient(new WebSocket(`${stack.urls.graphql.replace('http', 'ws')}/realtime`, ['graphql-ws', `header-${b64url({ host, Authorization: user.token })}`]));
      await again.opened;
      again.send({ type: 'connection_init' });
      expect(await again.next()).toEqual({ type: 'connection_error', payload: { errors: [{ ...unauthorized, errorCode: 401 }] } });
      await again.closed;

      // A fresh sign-in: works after a sign-out; fails for a deleted or disabled user.
      if (name.endsWith('GlobalSignOut')) {
        const { AccessToken } = await passwordSignIn(stack.cognito, user.email);
        expect((await gql(AccessToken, '{ me { handle } }')).body).toEqual({ data: { me: { handle: user.handle } } });
      } else if (name === 'AdminDisableUser') {
        await expect(passwordSignIn(stack.cognito, user.email)).rejects.toMatchObject({ type: 'NotAuthorizedException', message: 'User is disabled.' });
        await cognito.send(new AdminEnableUserCommand({ UserPoolId: stack.cognito.userPoolId, Username: user.email }));
        const { AccessToken } = await passwordSignIn(stack.cognito, user.email);
        expect((await gql(AccessToken, '{ me { handle } }')).body).toEqual({ data: { me: { handle: user.handle } } });
      } else {
        await expect(passwordSignIn(stack.cognito, user.email)).rejects.toMatchObject({ type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
      }
    }, 60_000);
  }
});

describe('deleteAccount', () => {
  it('removes the profile and frees the handle for someone else', async () => {
    const user = await freshUser();
    expect((await gql(user.token, 'mutation { deleteAccount }')).body).toEqual({ data: { deleteAccount: user.sub } });
    expect((await gql('guest', 'query U($h: String!) { user(handle: $h) { id } }', { h: user.handle })).body).toEqual({ data: { user: null } });
    // Deleting again: nothing left to delete.
    expect((await gql(user.token, 'mutation { deleteAccount }')).body.errors[0]).toMatchObject({ errorType: 'NotFound' });
    const sub = await createUser(stack.cognito, `claim-${randomUUID().slice(0, 8)}@example.com`, user.handle);
    // The API cache may hold the null read above for up to 60 s; the new profile's stream record
    // publishes publishUserChanged, which evicts it (docs/caching.md, "Freshness").
    await stack.dynamo.streams.idle();
    expect((await gql('guest', 'query U($h: String!) { user(handle: $h) { id handle } }', { h: user.handle })).body).toEqual({ data: { user: { id: sub, handle: user.handle } } });
  });

  it("deletes only the caller's own account", async () => {
    const [caller, other] = [await freshUser(), await freshUser()];
    await gql(caller.token, 'mutation { deleteAccount }');
    expect((await gql(other.token, '{ me { id handle } }')).body).toEqual({ data: { me: { id: other.sub, handle: other.handle } } });
  });

  it('is denied to guests', async () => {
    const { status, body } = await gql('guest', 'mutation { deleteAccount }');
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors[0]).toMatchObject({ errorType: 'Unauthorized', path: ['deleteAccount'] });
  });
});
