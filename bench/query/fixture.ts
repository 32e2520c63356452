/**
 * Feed fixture built through the product's own paths: the seeded demo users sign in with the
 * local Cognito, the reader follows the others, everyone posts, and the fan-out consumer writes
 * the feed rows. The reader's `homeFeed(limit: 20)` then returns 20 items.
 */
import { demoUsers } from '../../definitions/demo-users.ts';
import { callCognito } from '../../local/src/cognito/client.ts';
import type { Stack } from '../../local/src/stack.ts';

export const FEED_QUERY = `query Feed {
  homeFeed(limit: 20) {
    items { id reason createdAt crud { id message createdAt likesCount author { id handle displayName } } }
    nextToken
  }
}`;

export interface Fixture {
  /** The reader's Cognito access token (sent as Authorization). */
  token: string;
  /** The reader's user id (Cognito sub). */
  readerId: string;
}

async function signIn(stack: Stack, email: string, password: string): Promise<string> {
  const r = await callCognito<{ AuthenticationResult: { AccessToken: string } }>(stack.cognito.url, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: stack.cognito.clientId,
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  return r.AuthenticationResult.AccessToken;
}

async function gql(stack: Stack, token: string, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(stack.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (res.status !== 200 || body.errors) throw new Error(`fixture request failed: ${res.status} ${JSON.stringify(body)}`);
  return body.data!;
}

export async function buildFixture(stack: Stack, postsPerUser = 8): Promise<Fixture> {
  const tokens = await Promise.all(demoUsers.map((u) => signIn(stack, u.email, u.password)));
  const [reader, ...others] = demoUsers;
  for (const other of others) await gql(stack, tokens[0], 'mutation F($h: String!) { follow(handle: $h) { id } }', { h: other.handle });
  for (let i = 0; i < postsPerUser; i++) {
    for (let u = 0; u < demoUsers.length; u++) {
      await gql(stack, tokens[u], 'mutation P($m: String!) { createCrud(message: $m) { id } }', { m: `${demoUsers[u].name} says hello #${i} to @${reader.handle}` });
    }
  }
  await stack.dynamo.streams.idle();
  const me = (await gql(stack, tokens[0], '{ me { id } }')).me as { id: string };
  const feed = (await gql(stack, tokens[0], FEED_QUERY)).homeFeed as { items: unknown[] };
  if (feed.items.length !== 20) throw new Error(`fixture: expected 20 feed items, got ${feed.items.length}`);
  return { token: tokens[0], readerId: me.id };
}
