import { describe, expect, it } from 'vitest';
import { selectMode } from './select-mode.ts';
import type { AuthMode } from './types.ts';

const jwt = [{ alg: 'RS256' }, { iss: 'http://localhost:9229/pool', sub: 'x' }].map((p) => Buffer.from(JSON.stringify(p)).toString('base64url')).join('.') + '.sig';
const all = new Set<AuthMode>(['AWS_LAMBDA', 'AMAZON_COGNITO_USER_POOLS', 'AWS_IAM', 'API_KEY']);
const only = (...modes: AuthMode[]) => new Set<AuthMode>(modes);

describe('selectMode (AppSync infers the mode from the credential)', () => {
  it('routes SigV4 to IAM, JWTs to Cognito, other tokens to the Lambda authorizer', () => {
    expect(selectMode({ authorization: 'AWS4-HMAC-SHA256 Credential=…' }, all)).toEqual({ mode: 'AWS_IAM' });
    expect(selectMode({ authorization: jwt }, all)).toEqual({ mode: 'AMAZON_COGNITO_USER_POOLS', token: jwt, issuer: 'http://localhost:9229/pool' });
    expect(selectMode({ authorization: `Bearer ${jwt}` }, all)).toMatchObject({ mode: 'AMAZON_COGNITO_USER_POOLS', token: `Bearer ${jwt}` });
    expect(selectMode({ authorization: 'guest' }, all)).toEqual({ mode: 'AWS_LAMBDA', token: 'guest' });
    expect(selectMode({ authorization: 'a.b.c' }, all)).toEqual({ mode: 'AWS_LAMBDA', token: 'a.b.c' });
  });

  it('sends JWTs and SigV4-looking tokens to the Lambda authorizer when their own modes are off', () => {
    expect(selectMode({ authorization: jwt }, only('AWS_LAMBDA'))).toEqual({ mode: 'AWS_LAMBDA', token: jwt });
    expect(selectMode({ authorization: 'AWS4-HMAC-SHA256 x' }, only('AWS_LAMBDA'))).toMatchObject({ mode: 'AWS_LAMBDA' });
  });

  it('uses x-api-key only when Authorization does not pick a mode', () => {
    expect(selectMode({ 'x-api-key': 'da2-k' }, all)).toEqual({ mode: 'API_KEY', key: 'da2-k' });
    expect(selectMode({ 'x-api-key': 'da2-k', authorization: 'guest' }, all)).toMatchObject({ mode: 'AWS_LAMBDA' });
    expect(selectMode({ 'x-api-key': 'da2-k', authorization: 'guest' }, only('API_KEY', 'AWS_IAM'))).toEqual({ mode: 'API_KEY', key: 'da2-k' });
    expect(selectMode({ 'x-api-key': 'da2-k' }, only('AWS_LAMBDA'))).toEqual({ mode: undefined });
    expect(selectMode({}, all)).toEqual({ mode: undefined });
  });
});
