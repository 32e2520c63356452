/** Cognito's JSON 1.1 wire format, CORS, discovery, JWKS and token checks of the offline pool. */
import os from 'node:os';
import { JwtVerifier } from 'aws-jwt-verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCognito, signCognitoRequest } from './client.ts';
import { startCognito, type CognitoHandle } from './index.ts';
import { createUser, decodeJwt, passwordSignIn } from './testing/helpers.ts';
import { createHostCheck } from '../host-check/host-check.ts';
import { userPool as cruddurPool } from '../../../definitions/user-pool.ts';

let c: CognitoHandle;
beforeAll(async () => {
  c = await startCognito({ definition: cruddurPool, print: false });
});
afterAll(async () => {
  await c?.close();
});

const post = (target: string, body: string) =>
  fetch(c.url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target }, body });

describe('wire format', () => {
  it('answers CORS preflight echoing the requested headers', async () => {
    const res = await fetch(c.url, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent,cache-control,amz-sdk-invocation-id,amz-sdk-request' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-amz-target');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('errors are HTTP 400 with __type, message and x-amzn-errortype', async () => {
    const res = await post('AWSCognitoIdentityProviderService.InitiateAuth', JSON.stringify({ ClientId: c.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'x@example.com', PASSWORD: 'Whatever-1' } }));
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('NotAuthorizedException:');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/[0-9a-f-]{36}/);
    expect(res.headers.get('access-control-expose-headers')).toContain('x-amzn-errortype');
    expect(await res.json()).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('unknown operations, malformed JSON and unknown clients get AWS-shaped 400s', async () => {
    const unknown = await post('AWSCognitoIdentityProviderService.FlyToTheMoon', '{}');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).__type).toBe('UnknownOperationException');
    const bad = await post('AWSCognitoIdentityProviderService.SignUp', '{"ClientId":');
    expect(bad.status).toBe(400);
    expect((await bad.json()).__type).toBe('SerializationException');
    const array = await post('AWSCognitoIdentityProviderService.SignUp', '[]');
    expect((await array.json()).__type).toBe('SerializationException');
    await expect(callCognito(c.url, 'SignUp', { ClientId: 'nope', Username: 'a@b.co', Password: 'Correct-Horse-1' })).rejects.toMatchObject({ type: 'ResourceNotFoundException', message: 'User pool client nope does not exist.' });
    await expect(callCognito(c.url, 'SignUp', { Username: 'a@b.co' })).rejects.toMatchObject({ type: 'InvalidParameterException' });
  });

  it('validates sign-up input: email username, required attributes, unknown attributes', async () => {
    const base = { ClientId: c.clientId, Password: 'Correct-Horse-1' };
    const both = [{ Name: 'name', Value: 'N' }, { Name: 'preferred_username', Value: 'nnn' }];
    await expect(callCognito(c.url, 'SignUp', { ...base, Username: 'not-an-email', UserAttributes: both })).rejects.toMatchObject({ type: 'InvalidParameterException', message: 'Username should be an email.' });
    await expect(callCognito(c.url, 'SignUp', { ...base, Username: 'a@b.co', UserAttributes: [both[0]] })).rejects.toMatchObject({ type: 'InvalidParameterException', message: expect.stringContaining('preferred_username') });
    await expect(callCognito(c.url, 'SignUp', { ...base, Username: 'a@b.co', UserAttributes: [...both, { Name: 'custom:evil', Value: 'x' }] })).rejects.toMatchObject({ type: 'InvalidParameterException', message: expect.stringContaining('does not exist in the schema') });
  });

  it('rejects each missing password class with Cognito policy messages', async () => {
    const attempt = (Password: string) => callCognito(c.url, 'SignUp', { ClientId: c.clientId, Username: 'p@b.co', Password, UserAttributes: [{ Name: 'name', Value: 'P' }, { Name: 'preferred_username', Value: 'ppp' }] });
    await expect(attempt('Sh0rt!')).rejects.toMatchObject({ type: 'InvalidPasswordException', message: 'Password did not conform with policy: Password not long enough' });
    await expect(attempt('lowercase-only-1')).rejects.toMatchObject({ message: 'Password did not conform with policy: Password must have uppercase characters' });
    await expect(attempt('UPPERCASE-ONLY-1')).rejects.toMatchObject({ message: 'Password did not conform with policy: Password must have lowercase characters' });
    await expect(attempt('No-Numbers-Here')).rejects.toMatchObject({ message: 'Password did not conform with policy: Password must have numeric characters' });
    await expect(attempt('NoSymbols1234')).rejects.toMatchObject({ message: 'Password did not conform with policy: Password must have symbol characters' });
  });
});

describe('discovery, JWKS and tokens', () => {
  it('serves openid-configuration and a JWKS with two RSA keys', async () => {
    const config = await (await fetch(`${c.url}/${c.userPoolId}/.well-known/openid-configuration`)).json();
    expect(config.issuer).toBe(c.issuer);
    expect(c.issuer).toBe(`${c.url}/${c.userPoolId}`);
    expect(config.jwks_uri).toBe(c.jwksUri);
    const jwks = await (await fetch(c.jwksUri)).json();
    expect(jwks.keys).toHaveLength(2);
    expect(new Set(jwks.keys.map((k: { kid: string }) => k.kid)).size).toBe(2);
    for (const key of jwks.keys) expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    expect(JSON.stringify(jwks)).not.toMatch(/"d"|"p"|"q"/);
  });

  it('signs ID and access tokens with different keys, both verifiable from the JWKS', async () => {
    const sub = await createUser(c, 'tok@example.com', 'tokuser');
    const tokens = await passwordSignIn(c, 'tok@example.com');
    expect(tokens.RefreshToken).toBeTruthy();
    expect(tokens.ExpiresIn).toBe(3600);
    expect(decodeJwt(tokens.IdToken).header.kid).not.toBe(decodeJwt(tokens.AccessToken).header.kid);
    const jwks = await (await fetch(c.jwksUri)).json();
    const access = JwtVerifier.create({ issuer: c.issuer, audience: null, jwksUri: c.jwksUri });
    access.cacheJwks(jwks);
    expect((await access.verify(tokens.AccessToken)).sub).toBe(sub);
    const id = JwtVerifier.create({ issuer: c.issuer, audience: c.clientId, jwksUri: c.jwksUri });
    id.cacheJwks(jwks);
    expect((await id.verify(tokens.IdToken))['cognito:username']).toBe(sub);
  });

  it('GetUser refuses forged, ID and garbage tokens', async () => {
    const tokens = await passwordSignIn(c, 'tok@example.com');
    const [h, p] = tokens.AccessToken.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, sub: 'someone-else' })).toString('base64url')}.${tokens.AccessToken.split('.')[2]}`;
    for (const AccessToken of [forged, tokens.IdToken, 'garbage', '']) {
      await expect(callCognito(c.url, 'GetUser', { AccessToken })).rejects.toMatchObject({ type: 'NotAuthorizedException' });
    }
    const ok = await callCognito<{ Username: string; UserAttributes: { Name: string; Value: string }[] }>(c.url, 'GetUser', { AccessToken: tokens.AccessToken });
    expect(ok.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
  });

  it('REFRESH_TOKEN_AUTH returns new tokens without a new refresh token; RevokeToken refuses access tokens', async () => {
    const tokens = await passwordSignIn(c, 'tok@example.com');
    const out = await callCognito<{ AuthenticationResult: Record<string, unknown> }>(c.url, 'InitiateAuth', { ClientId: c.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken } });
    expect(out.AuthenticationResult.AccessToken).toBeTruthy();
    expect(out.AuthenticationResult.RefreshToken).toBeUndefined();
    await expect(callCognito(c.url, 'RevokeToken', { ClientId: c.clientId, Token: tokens.AccessToken })).rejects.toMatchObject({ type: 'UnsupportedTokenTypeException' });
    await callCognito(c.url, 'RevokeToken', { ClientId: c.clientId, Token: tokens.RefreshToken });
    await expect(callCognito(c.url, 'GetUser', { AccessToken: tokens.AccessToken })).rejects.toMatchObject({ message: 'Access Token has been revoked' });
    await expect(callCognito(c.url, 'GetTokensFromRefreshToken', { ClientId: c.clientId, RefreshToken: tokens.RefreshToken })).rejects.toMatchObject({ type: 'NotAuthorizedException' });
  });

  it('ChangePassword checks the previous password; DeleteUser removes the user', async () => {
    await createUser(c, 'chg@example.com', 'chguser');
    const { AccessToken } = await passwordSignIn(c, 'chg@example.com');
    await expect(callCognito(c.url, 'ChangePassword', { AccessToken, PreviousPassword: 'Wrong-Pass-1', ProposedPassword: 'Next-Pass-2' })).rejects.toMatchObject({ type: 'NotAuthorizedException' });
    await expect(callCognito(c.url, 'ChangePassword', { AccessToken, PreviousPassword: 'Correct-Horse-1', ProposedPassword: 'weak' })).rejects.toMatchObject({ type: 'InvalidPasswordException' });
    await callCognito(c.url, 'ChangePassword', { AccessToken, PreviousPassword: 'Correct-Horse-1', ProposedPassword: 'Next-Pass-2' });
    const next = await passwordSignIn(c, 'chg@example.com', 'Next-Pass-2');
    await callCognito(c.url, 'DeleteUser', { AccessToken: next.AccessToken });
    await expect(passwordSignIn(c, 'chg@example.com', 'Next-Pass-2')).rejects.toMatchObject({ type: 'NotAuthorizedException' });
    await expect(callCognito(c.url, 'GetUser', { AccessToken: next.AccessToken })).rejects.toMatchObject({ type: 'NotAuthorizedException' });
  });

  it('changing the email unverifies it until VerifyUserAttribute; duplicates are refused', async () => {
    await createUser(c, 'mail@example.com', 'mailuser');
    const { AccessToken } = await passwordSignIn(c, 'mail@example.com');
    await expect(callCognito(c.url, 'UpdateUserAttributes', { AccessToken, UserAttributes: [{ Name: 'email', Value: 'tok@example.com' }] })).rejects.toMatchObject({ type: 'AliasExistsException' });
    const out = await callCognito<{ CodeDeliveryDetailsList: unknown[] }>(c.url, 'UpdateUserAttributes', { AccessToken, UserAttributes: [{ Name: 'email', Value: 'new-mail@example.com' }] });
    expect(out.CodeDeliveryDetailsList).toHaveLength(1);
    const user = await callCognito<{ UserAttributes: { Name: string; Value: string }[] }>(c.url, 'GetUser', { AccessToken });
    expect(user.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'false' });
    await expect(callCognito(c.url, 'VerifyUserAttribute', { AccessToken, AttributeName: 'email', Code: '999999x' })).rejects.toMatchObject({ type: 'CodeMismatchException' });
    await callCognito(c.url, 'VerifyUserAttribute', { AccessToken, AttributeName: 'email', Code: await c.outbox.latest('new-mail@example.com') });
    const after = await callCognito<{ UserAttributes: { Name: string; Value: string }[] }>(c.url, 'GetUser', { AccessToken });
    expect(after.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
    await passwordSignIn(c, 'new-mail@example.com');
    await expect(passwordSignIn(c, 'mail@example.com')).rejects.toMatchObject({ type: 'NotAuthorizedException' });
  });
});

describe('outbox endpoint', () => {
  it('lists codes sent to an address, from loopback', async () => {
    await callCognito(c.url, 'SignUp', { ClientId: c.clientId, Username: 'Box@Example.com', Password: 'Correct-Horse-1', UserAttributes: [{ Name: 'name', Value: 'B' }, { Name: 'preferred_username', Value: 'boxer' }] });
    const res = await fetch(`${c.url}/_local/outbox?email=box@example.com`);
    const { messages } = await res.json();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ to: 'Box@Example.com', purpose: 'signup', code: await c.outbox.latest('box@example.com') });
  });

  it('keeps codes and Admin actions away from browser pages', async () => {
    const evil = await fetch(`${c.url}/_local/outbox`, { headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const local = await fetch(`${c.url}/_local/outbox`, { headers: { origin: 'http://localhost:5173' } });
    expect(local.status).toBe(200);
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    // Even validly signed: a page has no business holding the stack's key.
    const body = JSON.stringify({ UserPoolId: c.userPoolId, Username: 'box@example.com' });
    const signed = await signCognitoRequest(c.url, { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser' }, body, c.iamCredential);
    const admin = await fetch(c.url, { method: 'POST', headers: { ...signed, origin: 'http://localhost:5173' }, body });
    expect((await admin.json()).__type).toBe('UnrecognizedClientException');
  });

  const external = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
  it.runIf(external)('refuses the outbox and Admin actions (even signed) to non-loopback callers', async () => {
    // The Host is admitted (as with ALLOWED_HOSTS set for LAN use): the peer address alone must refuse.
    const open = await startCognito({ definition: cruddurPool, host: '0.0.0.0', print: false, hostCheck: createHostCheck([external!.address]) });
    try {
      const url = open.url.replace('127.0.0.1', external!.address);
      expect((await fetch(`${url}/_local/outbox`)).status).toBe(403);
      await expect(callCognito(url, 'AdminGetUser', { UserPoolId: open.userPoolId, Username: 'a@b.co' }, open.iamCredential)).rejects.toMatchObject({ type: 'UnrecognizedClientException' });
    } finally {
      await open.close();
    }
  });
});
