/**
 * A real token issuer for tests: an RSA key pair from node:crypto, a JWKS served over HTTP on an
 * ephemeral port, and RS256 tokens shaped like Cognito's ID and access tokens.
 */
import { createServer, type Server } from 'node:http';
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface TestIssuer {
  issuer: string;
  jwksUri: string;
  userPoolId: string;
  clientId: string;
  /** Signs claims with the pool's key (or `key` to forge). */
  sign(claims: Record<string, unknown>, key?: KeyObject, kid?: string): string;
  accessToken(overrides?: Record<string, unknown>): string;
  idToken(overrides?: Record<string, unknown>): string;
  /** An unrelated key: tokens signed with it must be rejected. */
  foreignKey: KeyObject;
  close(): Promise<void>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startTestIssuer(): Promise<TestIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = randomUUID();
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const userPoolId = 'local_testpool';
  const server: Server = createServer((req, res) => {
    if (req.url?.endsWith('/.well-known/jwks.json')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}/${userPoolId}`;
  const clientId = 'testclient123';

  const sign = (claims: Record<string, unknown>, key: KeyObject = privateKey, keyId: string = kid) => {
    const head = b64({ alg: 'RS256', kid: keyId, typ: 'JWT' });
    const body = b64(claims);
    const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key).toString('base64url');
    return `${head}.${body}.${signature}`;
  };
  const now = () => Math.floor(Date.now() / 1000);
  const sub = '11111111-2222-3333-4444-555555555555';

  return {
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    userPoolId,
    clientId,
    foreignKey,
    sign,
    accessToken: (overrides = {}) =>
      sign({ sub, iss: issuer, client_id: clientId, token_use: 'access', scope: 'aws.cognito.signin.user.admin', auth_time: now(), exp: now() + 3600, iat: now(), jti: randomUUID(), username: 'alice', 'cognito:groups': ['admins'], ...overrides }),
    idToken: (overrides = {}) =>
      sign({ sub, iss: issuer, aud: clientId, token_use: 'id', auth_time: now(), exp: now() + 3600, iat: now(), 'cognito:username': 'alice', email: 'alice@example.com', ...overrides }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
