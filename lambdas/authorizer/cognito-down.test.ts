/**
 * Cognito unreachable (or throttling): the authorizer admits a signature-valid token rather than
 * lock every signed-in user out, with the usual TTL, and still refuses bad tokens (decision 013).
 * Its own file: the handler reads its configuration once per container (module instance).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, passwordSignIn } from '../../local/src/cognito/test/helpers.ts';
import { authorize, startAuthorizerWorld, type AuthorizerWorld } from './test/world.ts';

let world: AuthorizerWorld;
let token: string;

beforeAll(async () => {
  world = await startAuthorizerWorld();
  await createUser(world.pool, 'down@example.com', 'Down_User');
  token = (await passwordSignIn(world.pool, 'down@example.com')).AccessToken;
  // The JWKS still comes from the pool; only GetUser goes nowhere (port 9, discard: refused).
  process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = 'http://127.0.0.1:9';
});
afterAll(() => world?.close());

describe('authorizer with Cognito unreachable', () => {
  it('admits a valid token on its signature alone, cached no longer than usual', async () => {
    const result = await authorize(token);
    expect(result).toMatchObject({ isAuthorized: true, resolverContext: { handle: 'Down_User' } });
    expect(result.ttlOverride).toBeGreaterThan(0);
    expect(result.ttlOverride).toBeLessThanOrEqual(60);
  });

  it('still refuses a forged token', async () => {
    expect(await authorize(`${token.slice(0, -4)}AAAA`)).toMatchObject({ isAuthorized: false });
  });
});
