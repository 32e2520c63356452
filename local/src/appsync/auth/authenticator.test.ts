import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from './index.ts';
import { eventsFor } from './testing/authorizers.ts';
import { startTestIssuer, type TestIssuer } from './testing/jwt-issuer.ts';
import { signAppSyncRequest } from './testing/sigv4-client.ts';
import type { Authenticator, IncomingAuthRequest } from './types.ts';

const fixtures = 'local/src/appsync/auth/testing/authorizers.ts';
const creds = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret', accountId: '123456789012' };
const body = JSON.stringify({ query: '{ me { id } }' });

function request(headers: Record<string, string>, extra: Partial<IncomingAuthRequest> = {}): IncomingAuthRequest {
  return { headers, method: 'POST', path: '/graphql', body, sourceIp: '127.0.0.1', query: '{ me { id } }', requestId: 'req-1', ...extra };
}

let issuer: TestIssuer;
let auth: Authenticator;

beforeAll(async () => {
  issuer = await startTestIssuer();
  auth = createAuthenticator({
    apiId: 'local',
    providers: [
      { mode: 'AWS_LAMBDA', lambda: { handler: `${fixtures}#allow`, authorizerResultTtlInSeconds: 300, identityValidationExpression: '^[a-z-]+$' } },
      { mode: 'AMAZON_COGNITO_USER_POOLS', userPool: { userPoolId: issuer.userPoolId, issuer: issuer.issuer, appIdClientRegex: issuer.clientId } },
      { mode: 'AWS_IAM', credentials: [creds] },
      { mode: 'API_KEY', apiKeys: [{ id: 'da2-valid', expires: Date.now() / 1000 + 3600 }, { id: 'da2-expired', expires: Date.now() / 1000 - 1 }] },
    ],
  });
});
afterAll(() => issuer.close());

describe('mode selection', () => {
  it('reports the default and additional modes', () => {
    expect(auth.defaultMode).toBe('AWS_LAMBDA');
    expect(auth.modes).toEqual(['AWS_LAMBDA', 'AMAZON_COGNITO_USER_POOLS', 'AWS_IAM', 'API_KEY']);
  });

  it('rejects a request with no credentials', async () => {
    expect(await auth.authenticate(request({}))).toEqual({ ok: false, status: 401, errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' });
  });

  it('refuses configurations AppSync refuses', () => {
    expect(() => createAuthenticator({ providers: [] })).toThrow();
    expect(() => createAuthenticator({ providers: [{ mode: 'API_KEY', apiKeys: [] }, { mode: 'API_KEY', apiKeys: [] }] })).toThrow(/only once/);
    expect(() =>
      createAuthenticator({
        providers: [{ mode: 'API_KEY', apiKeys: [] }, { mode: 'AMAZON_COGNITO_USER_POOLS', userPool: { userPoolId: 'p', issuer: 'http://x/p', defaultAction: 'DENY' } }],
      }),
    ).toThrow(/ALLOW/);
  });
});

describe('API_KEY', () => {
  it('accepts a valid key with a null identity', async () => {
    expect(await auth.authenticate(request({ 'x-api-key': 'da2-valid' }))).toEqual({ ok: true, auth: { mode: 'API_KEY', identity: null } });
  });
  it('rejects unknown and expired keys', async () => {
    for (const key of ['da2-nope', 'da2-expired']) {
      expect(await auth.authenticate(request({ 'x-api-key': key }))).toMatchObject({ ok: false, status: 401, message: 'You are not authorized to make this call.' });
    }
  });
});

describe('AMAZON_COGNITO_USER_POOLS', () => {
  it('accepts an access token and shapes ctx.identity like AppSync', async () => {
    const result = await auth.authenticate(request({ authorization: issuer.accessToken() }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.auth.mode).toBe('AMAZON_COGNITO_USER_POOLS');
    expect(result.auth.cognitoGroups).toEqual(['admins']);
    expect(result.auth.identity).toMatchObject({
      sub: '11111111-2222-3333-4444-555555555555',
      issuer: issuer.issuer,
      username: 'alice',
      sourceIp: ['127.0.0.1'],
      defaultAuthStrategy: 'ALLOW',
      groups: ['admins'],
      claims: expect.objectContaining({ token_use: 'access', client_id: issuer.clientId }),
    });
  });

  it('accepts an ID token (username from cognito:username, no groups → null)', async () => {
    const result = await auth.authenticate(request({ authorization: issuer.idToken() }));
    expect(result).toMatchObject({ ok: true, auth: { identity: { username: 'alice', groups: null } } });
  });

  it('rejects expired, forged, wrong-client, wrong-use and Bearer-prefixed tokens, and never calls the authorizer', async () => {
    const exp = Math.floor(Date.now() / 1000) - 10;
    expect(await auth.authenticate(request({ authorization: issuer.accessToken({ exp }) }))).toMatchObject({ status: 401, message: 'Token has expired.' });
    const forged = issuer.sign({ sub: 'x', iss: issuer.issuer, client_id: issuer.clientId, token_use: 'access', exp: exp + 3600 }, issuer.foreignKey);
    const cases = [
      forged,
      issuer.accessToken({ client_id: 'other-client' }),
      issuer.idToken({ aud: 'other-client' }),
      issuer.accessToken({ token_use: 'refresh' }),
      `Bearer ${issuer.accessToken()}`,
      issuer.accessToken({ iss: 'http://127.0.0.1:1/other-pool' }),
    ];
    for (const token of cases) {
      expect(await auth.authenticate(request({ authorization: token }))).toMatchObject({ ok: false, status: 401, errorType: 'UnauthorizedException' });
      expect(eventsFor(token)).toHaveLength(0);
    }
  });
});

describe('AWS_IAM', () => {
  const host = 'localhost:20002';
  it('accepts a request signed with the configured credential', async () => {
    const headers = await signAppSyncRequest({ host, path: '/graphql', body, ...creds });
    const result = await auth.authenticate(request(headers));
    expect(result).toEqual({
      ok: true,
      auth: {
        mode: 'AWS_IAM',
        identity: {
          accountId: '123456789012',
          cognitoIdentityPoolId: null,
          cognitoIdentityId: null,
          sourceIp: ['127.0.0.1'],
          username: 'AKIDLOCAL',
          userArn: 'arn:aws:iam::123456789012:user/AKIDLOCAL',
          cognitoIdentityAuthType: null,
          cognitoIdentityAuthProvider: null,
        },
      },
    });
  });

  it('accepts a session token and the /graphql/connect path used by real-time handshakes', async () => {
    const headers = await signAppSyncRequest({ host, path: '/graphql/connect', body: '{}', sessionToken: 'tok', ...creds });
    expect((await auth.authenticate(request(headers, { path: '/graphql/connect', body: '{}' }))).ok).toBe(true);
  });

  it('rejects a tampered body, another path, a wrong secret, an unknown key and a stale date', async () => {
    const headers = await signAppSyncRequest({ host, path: '/graphql', body, ...creds });
    expect(await auth.authenticate(request(headers, { body: body.replace('me', 'us') }))).toMatchObject({ status: 403, errorType: 'InvalidSignatureException' });
    expect(await auth.authenticate(request(headers, { path: '/graphql/connect' }))).toMatchObject({ status: 403, errorType: 'InvalidSignatureException' });
    const wrongSecret = await signAppSyncRequest({ host, path: '/graphql', body, ...creds, secretAccessKey: 'guess' });
    expect(await auth.authenticate(request(wrongSecret))).toMatchObject({ status: 403, errorType: 'InvalidSignatureException' });
    const unknown = await signAppSyncRequest({ host, path: '/graphql', body, ...creds, accessKeyId: 'AKIDOTHER' });
    expect(await auth.authenticate(request(unknown))).toMatchObject({ status: 403, errorType: 'UnrecognizedClientException' });
    const stale = await signAppSyncRequest({ host, path: '/graphql', body, ...creds, date: new Date(Date.now() - 10 * 60_000) });
    expect(await auth.authenticate(request(stale))).toMatchObject({ status: 403, message: expect.stringMatching(/^Signature expired/) });
    expect(await auth.authenticate(request({ ...headers, host: 'evil:1' }))).toMatchObject({ status: 403 });
  });
});

describe('AWS_LAMBDA', () => {
  it("sends AppSync's event and maps resolverContext and deniedFields", async () => {
    const result = await auth.authenticate(request({ authorization: 'guest', 'x-custom': '1' }, { operationName: 'Me', variables: { a: 1 } }));
    expect(result).toEqual({
      ok: true,
      auth: {
        mode: 'AWS_LAMBDA',
        identity: { resolverContext: { token: 'guest', handle: 'alice' } },
        deniedFields: ['Mutation.deleteEverything', 'Query.secret'],
      },
    });
    expect(eventsFor('guest')[0]).toEqual({
      authorizationToken: 'guest',
      requestContext: { apiId: 'local', accountId: '000000000000', requestId: 'req-1', queryString: '{ me { id } }', operationName: 'Me', variables: { a: 1 } },
      requestHeaders: { authorization: 'guest', 'x-custom': '1' },
    });
  });

  it('caches per token for the configured TTL, and not when ttlOverride is 0', async () => {
    await auth.authenticate(request({ authorization: 'cached-token' }));
    await auth.authenticate(request({ authorization: 'cached-token' }));
    expect(eventsFor('cached-token')).toHaveLength(1);
    await auth.authenticate(request({ authorization: 'nocache-token' }));
    await auth.authenticate(request({ authorization: 'nocache-token' }));
    expect(eventsFor('nocache-token')).toHaveLength(2);
  });

  it('shares one invocation between concurrent requests with the same uncached token', async () => {
    const results = await Promise.all([1, 2, 3].map(() => auth.authenticate(request({ authorization: 'nocache-burst' }))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(eventsFor('nocache-burst')).toHaveLength(1);
    // Once answered (ttl 0: not cached), the next request invokes again.
    await auth.authenticate(request({ authorization: 'nocache-burst' }));
    expect(eventsFor('nocache-burst')).toHaveLength(2);
  });

  it('invokes per operation when concurrent uncached requests with one token ask different things', async () => {
    await Promise.all(['{ a }', '{ b }'].map((query) => auth.authenticate(request({ authorization: 'nocache-ops' }, { query }))));
    expect(eventsFor('nocache-ops')).toHaveLength(2);
  });

  it('denies isAuthorized:false, and checks identityValidationExpression before invoking', async () => {
    expect(await auth.authenticate(request({ authorization: 'deny-me' }))).toEqual({ ok: false, status: 401, errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' });
    expect(await auth.authenticate(request({ authorization: 'NOT_VALID_1' }))).toMatchObject({ ok: false, status: 401 });
    expect(eventsFor('NOT_VALID_1')).toHaveLength(0);
  });

  it('denies when the authorizer throws, returns garbage or exceeds its timeout', async () => {
    for (const [name, timeoutMs] of [['throws', 10_000], ['malformed', 10_000], ['slow', 200]] as const) {
      const a = createAuthenticator({ providers: [{ mode: 'AWS_LAMBDA', lambda: { handler: `${fixtures}#${name}`, timeoutMs } }] });
      expect(await a.authenticate(request({ authorization: `t-${name}` }))).toMatchObject({ ok: false, status: 401, errorType: 'UnauthorizedException' });
      expect(eventsFor(`t-${name}`)).toHaveLength(1);
    }
  });
});
