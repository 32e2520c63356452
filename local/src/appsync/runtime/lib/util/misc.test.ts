// util.matches, util.str, util.math, util.http and util.authType (developer guide: "Utility helpers
// in util", "String helpers in util.str", "Math helpers in util.math", "HTTP helpers in util.http").
import { randomBytes } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshState, setState, state } from '../state.ts';
import { authTypeOf } from './auth-type.ts';
import { installRandom } from './ids.ts';
import { matches } from './matches.ts';
import { http, math, str } from './misc.ts';

beforeAll(() => installRandom((n) => [...randomBytes(n)]));
beforeEach(() => setState(freshState(null)));

describe('util.matches (Java String.matches: the whole value must match)', () => {
  it('matches whole strings only', () => {
    expect(matches('a-b_c', 'a-b_c')).toBe(true);
    expect(matches('[a-z]+', 'hello')).toBe(true);
    expect(matches('[a-z]+', 'hello world')).toBe(false);
    expect(matches('ell', 'hello')).toBe(false);
    expect(matches('^\\w+@\\w+\\.com$', 'me@example.com')).toBe(true);
  });

  it('understands Java-only spellings', () => {
    expect(matches('(?i)HELLO', 'hello')).toBe(true);
    expect(matches('\\Aab\\z', 'ab')).toBe(true);
    expect(matches('a++b', 'aaab')).toBe(true);
  });
});

describe('util.str.normalize', () => {
  it('applies each Unicode normalization form', () => {
    const composed = '\u00e9';
    const decomposed = 'e\u0301';
    expect(str.normalize(decomposed, 'nfc')).toBe(composed);
    expect(str.normalize(composed, 'nfd')).toBe(decomposed);
    expect(str.normalize('\ufb01', 'nfkc')).toBe('fi');
    expect(str.normalize('\u1e9b\u0323', 'nfkd')).toBe('s\u0323\u0307');
  });
});

describe('util.math', () => {
  it('rounds and compares', () => {
    expect(math.roundNum(10.2)).toBe(10);
    expect(math.roundNum(10.5)).toBe(11);
    expect(math.minVal(10.2, 11)).toBe(10.2);
    expect(math.maxVal(10.2, 11)).toBe(11);
  });

  it('draws random numbers in range', () => {
    for (let i = 0; i < 50; i += 1) {
      const d = math.randomDouble();
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(1);
      const r = math.randomWithinRange(5, 10);
      expect(Number.isInteger(r) && r >= 5 && r < 10).toBe(true);
    }
  });
});

describe('util.http', () => {
  it('records response headers (non-strings as JSON)', () => {
    http.addResponseHeader('x-one', 'a');
    http.addResponseHeaders({ 'x-two': 2, 'x-three': { b: true } });
    expect(state().responseHeaders).toEqual({ 'x-one': 'a', 'x-two': '2', 'x-three': '{"b":true}' });
  });

  it('copies request headers without hop-by-hop ones', () => {
    expect(http.copyHeaders({ host: 'x', 'content-length': '3', authorization: 't', 'x-custom': 'y' })).toEqual({ authorization: 't', 'x-custom': 'y' });
  });
});

describe('util.authType by identity shape', () => {
  it('names each auth mode', () => {
    expect(authTypeOf(null)).toBe('API Key Authorization');
    expect(authTypeOf({ resolverContext: { a: 1 } })).toBe('Lambda Authorization');
    expect(authTypeOf({
      accountId: '1', cognitoIdentityPoolId: null, cognitoIdentityId: null, sourceIp: ['1.2.3.4'], username: 'AKIA', userArn: 'arn:aws:iam::1:user/a',
      cognitoIdentityAuthType: null, cognitoIdentityAuthProvider: null,
    })).toBe('IAM Authorization');
    expect(authTypeOf({ sub: 's', issuer: 'i', claims: {}, username: 'u', sourceIp: ['1.2.3.4'], defaultAuthStrategy: 'ALLOW' })).toBe('User Pool Authorization');
    expect(authTypeOf({ sub: 's', issuer: 'i', claims: {} })).toBe('Open ID Connect Authorization');
  });

  it('falls back to API key when a required field is missing or an unknown one is present', () => {
    expect(authTypeOf({ sub: 's', issuer: 'i', claims: {}, username: 'u' })).toBe('API Key Authorization');
    expect(authTypeOf({ claims: {} })).toBe('API Key Authorization');
    expect(authTypeOf({ sub: 's', issuer: 'i', claims: {}, username: 'u', sourceIp: ['1.2.3.4'] })).toBe('API Key Authorization');
  });
});
