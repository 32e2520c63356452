/**
 * The production authorizer handler, invoked the way the offline engine invokes it, against tokens
 * from the offline pool: good, expired, forged, ID-instead-of-access, other client, other pool, guest.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userPool } from '../../definitions/user-pool.ts';
import { startCognito, type CognitoHandle } from '../../local/src/cognito/index.ts';
import { createUser, passwordSignIn, type Tokens } from '../../local/src/cognito/testing/helpers.ts';
import { signJwt } from '../../local/src/cognito/tokens/jwt.ts';
import { loadPoolKeys, type PoolKeys } from '../../local/src/cognito/tokens/keys.ts';
import type { DynamoStack } from '../../local/src/dynamodb/index.ts';
import { authorize, startAuthorizerWorld, type AuthorizerWorld } from './testing/world.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'authz-'));
let world: AuthorizerWorld;
let dynamo: DynamoStack;
let pool: CognitoHandle;
let otherPool: CognitoHandle;
let keys: PoolKeys;
let tokens: Tokens;
let sub: string;

beforeAll(async () => {
  world = await startAuthorizerWorld(dataDir);
  ({ dynamo, pool } = world);
  otherPool = await startCognito({
    print: false,
    definition: { ...userPool, local: { userPoolId: 'us-east-1_OtherPool', clientId: 'otherpoolclient00000000001' } },
  });
  keys = await loadPoolKeys(path.join(dataDir, 'cognito', pool.userPoolId));
  sub = await createUser(pool, 'authz@example.com', 'Authz_User');
  tokens = await passwordSignIn(pool, 'authz@example.com');
});
afterAll(async () => {
  await otherPool?.close();
  await world?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The access token's claims, re-signed with the pool's real access key after `change`. */
function resigned(change: (claims: Record<string, unknown>) => void, key = keys.access): string {
  const claims = JSON.parse(Buffer.from(tokens.AccessToken.split('.')[1], 'base64url').toString());
  change(claims);
  return signJwt(claims, key);
}

describe('authorizer', () => {
  it('admits a valid access token with {sub, username, handle} and a bounded ttl', async () => {
    const result = await authorize(tokens.AccessToken);
    expect(result).toMatchObject({ isAuthorized: true, resolverContext: { sub, username: sub, handle: 'Authz_User' } });
    expect(result.deniedFields).toBeUndefined();
    expect(result.ttlOverride).toBeGreaterThan(0);
    expect(result.ttlOverride).toBeLessThanOrEqual(60);
  });

  it('admits a live session of a user without a profile yet, with an empty handle', async () => {
    const sub = await createUser(pool, 'noprofile@example.com', 'No_Profile');
    await dynamo.client.send(new DeleteItemCommand({ TableName: dynamo.tableName, Key: { pk: { S: `USER#${sub}` }, sk: { S: 'PROFILE' } } }));
    const { AccessToken } = await passwordSignIn(pool, 'noprofile@example.com');
    expect(await authorize(AccessToken)).toMatchObject({ isAuthorized: true, resolverContext: { sub, handle: '' } });
  });

  it('refuses a correctly signed token whose subject the pool does not know', async () => {
    expect(await authorize(resigned((c) => void (c.sub = randomUUID())))).toMatchObject({ isAuthorized: false, ttlOverride: 0 });
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await authorize(resigned((c) => Object.assign(c, { iat: now - 7200, exp: now - 3600 })))).toMatchObject({ isAuthorized: false });
  });

  it('refuses a forged signature', async () => {
    const [h, , s] = tokens.AccessToken.split('.');
    const claims = JSON.parse(Buffer.from(tokens.AccessToken.split('.')[1], 'base64url').toString());
    const body = Buffer.from(JSON.stringify({ ...claims, sub: randomUUID() })).toString('base64url');
    expect(await authorize(`${h}.${body}.${s}`)).toMatchObject({ isAuthorized: false });
    expect(await authorize(`${h}.${body}.`)).toMatchObject({ isAuthorized: false });
  });

  it('refuses an ID token', async () => {
    expect(await authorize(tokens.IdToken)).toMatchObject({ isAuthorized: false });
  });

  it('refuses a token for another client of the same pool', async () => {
    expect(await authorize(resigned((c) => void (c.client_id = 'someotherclientid000000001')))).toMatchObject({ isAuthorized: false });
  });

  it('refuses a token from another pool', async () => {
    await createUser(otherPool, 'elsewhere@example.com', 'elsewhere');
    const foreign = await passwordSignIn(otherPool, 'elsewhere@example.com');
    expect(await authorize(foreign.AccessToken)).toMatchObject({ isAuthorized: false });
    // …even if it claims our issuer: its key is not in our JWKS.
    const otherKeys = await loadPoolKeys(undefined);
    expect(await authorize(resigned(() => undefined, otherKeys.access))).toMatchObject({ isAuthorized: false });
  });

  it('refuses garbage and empty tokens', async () => {
    for (const token of ['', 'garbage', 'a.b.c', 'Guest']) expect(await authorize(token)).toMatchObject({ isAuthorized: false });
  });

  it('admits guests with every mutation and private field denied', async () => {
    const result = await authorize('guest');
    expect(result).toMatchObject({ isAuthorized: true, resolverContext: { guest: 'true' }, ttlOverride: 3600 });
    const denied = new Set(result.deniedFields);
    for (const field of ['Query.me', 'Query.homeFeed', 'Query.notifications', 'Query.messages', 'Mutation.createCrud', 'Mutation.follow', 'Subscription.onFeedItem', 'Subscription.onMessage']) {
      expect(denied.has(field)).toBe(true);
    }
    for (const field of ['Query.publicFeed', 'Query.user', 'Query.crud', 'Query.userCruds', 'Query.replies', 'Query.searchUsers', 'Query.trendingHashtags', 'Query.hashtagCruds', 'Subscription.onCrudChanged']) {
      expect(denied.has(field)).toBe(false);
    }
    expect([...denied].every((f) => /^(Query|Mutation|Subscription)\.\w+$/.test(f))).toBe(true);
  });
});
