/**
 * Cognito throttling or unreachable: the authorizer admits a session Cognito confirmed alive
 * recently (stale if error) and refuses every token it has not confirmed, so a GetUser flood or an
 * outage never lets an unchecked token in (decision 013). Cognito is reached through a switch
 * that either forwards to the real offline pool or answers as a throttled Cognito does.
 * Its own file: the handler reads its configuration once per container (module instance).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, passwordSignIn } from '../../local/src/cognito/testing/helpers.ts';
import { authorize, startAuthorizerWorld, type AuthorizerWorld } from './testing/world.ts';

let world: AuthorizerWorld;
let front: http.Server;
let throttled = false;
let getUserCalls = 0;

beforeAll(async () => {
  world = await startAuthorizerWorld();
  front = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      getUserCalls++;
      if (throttled) {
        // Cognito's throttling answer (API Reference, Common Errors: TooManyRequestsException).
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'TooManyRequestsException' });
        res.end(JSON.stringify({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }));
        return;
      }
      const answer = await fetch(world.pool.url, { method: 'POST', headers: { 'content-type': String(req.headers['content-type']), 'x-amz-target': String(req.headers['x-amz-target']) }, body: Buffer.concat(chunks) });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/x-amz-json-1.1' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  world.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => front?.close(resolve));
  await world?.close();
});

describe('authorizer while Cognito cannot answer', () => {
  it('admits a session Cognito confirmed alive before the throttling, cached no longer than usual', async () => {
    await createUser(world.pool, 'down@example.com', 'Down_User');
    const token = (await passwordSignIn(world.pool, 'down@example.com')).AccessToken;
    throttled = false;
    expect(await authorize(token)).toMatchObject({ isAuthorized: true });
    throttled = true;
    const calls = getUserCalls;
    const result = await authorize(token);
    expect(getUserCalls).toBeGreaterThan(calls); // Cognito was asked, and could not answer
    expect(result).toMatchObject({ isAuthorized: true, resolverContext: { handle: 'Down_User' } });
    expect(result.ttlOverride).toBeGreaterThan(0);
    expect(result.ttlOverride).toBeLessThanOrEqual(60);
  });

  it('refuses, uncached, a valid token Cognito never confirmed', async () => {
    throttled = false;
    await createUser(world.pool, 'fresh@example.com', 'Fresh_User');
    const token = (await passwordSignIn(world.pool, 'fresh@example.com')).AccessToken;
    throttled = true;
    expect(await authorize(token)).toEqual({ isAuthorized: false, ttlOverride: 0 });
    throttled = false;
    expect(await authorize(token)).toMatchObject({ isAuthorized: true });
  });

  it('never admits on memory a session Cognito refused', async () => {
    throttled = false;
    await createUser(world.pool, 'gone@example.com', 'Gone_User');
    const tokens = await passwordSignIn(world.pool, 'gone@example.com');
    expect(await authorize(tokens.AccessToken)).toMatchObject({ isAuthorized: true });
    await fetch(world.pool.url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.GlobalSignOut' }, body: JSON.stringify({ AccessToken: tokens.AccessToken }) });
    expect(await authorize(tokens.AccessToken)).toEqual({ isAuthorized: false, ttlOverride: 0 });
    throttled = true;
    expect(await authorize(tokens.AccessToken)).toEqual({ isAuthorized: false, ttlOverride: 0 });
  });

  it('still refuses a forged token', async () => {
    const token = (await passwordSignIn(world.pool, 'down@example.com')).AccessToken;
    expect(await authorize(`${token.slice(0, -4)}AAAA`)).toMatchObject({ isAuthorized: false });
  });
});
