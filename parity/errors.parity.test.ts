/**
 * Error shapes on the wire, read with plain HTTP (no client in between): request-level refusals
 * with their status and `x-amzn-ErrorType`, field-level refusals and validation errors in
 * `errors[]`, as AppSync sends them.
 */
import { describe, expect, it } from 'vitest';
import { peopleOfThisFile } from './people.ts';
import { connectTarget } from './target.ts';

const people = peopleOfThisFile('ana');

async function post(body: string, authorization?: string) {
  const res = await fetch(connectTarget().config.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body,
  });
  return { status: res.status, errorType: res.headers.get('x-amzn-errortype'), json: (await res.json()) as { data?: unknown; errors?: Record<string, unknown>[] } };
}

const query = (q: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query: q, variables });

describe('error shapes', () => {
  it('refuses a request without a token, and one the authorizer rejects: HTTP 401 UnauthorizedException', async () => {
    const missing = await post(query('{ me { id } }'));
    expect(missing.status).toBe(401);
    expect(missing.errorType).toMatch(/^UnauthorizedException/);
    expect(missing.json).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }] });
    const rejected = await post(query('{ me { id } }'), 'not-a-cognito-token');
    expect(rejected.status).toBe(401);
    expect(rejected.json).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] });
  });

  it('refuses an unparsable body: HTTP 400 MalformedHttpRequestException', async () => {
    const res = await post('{"query": ', people.ana.token);
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]).toMatchObject({ errorType: 'MalformedHttpRequestException' });
  });

  it('denies a guest a mutation field: errorType Unauthorized with AppSync’s message', async () => {
    const res = await post(query('mutation { createCrud(message: "as a guest") { id } }'), 'guest');
    expect(res.status).toBe(200);
    expect(res.json.data).toBeNull();
    expect(res.json.errors?.[0]).toMatchObject({ errorType: 'Unauthorized', message: 'Not Authorized to access createCrud on type Mutation', path: ['createCrud'] });
  });

  it('reports an unknown field as a validation error, without data', async () => {
    const res = await post(query('{ me { id nope } }'), people.ana.token);
    expect(res.json.data ?? null).toBeNull();
    expect(String(res.json.errors?.[0]?.message)).toMatch(/^Validation error of type FieldUndefined: Field 'nope' in type 'User' is undefined/);
  });

  it('returns a resolver’s error with its errorType and path', async () => {
    const res = await post(query('mutation C($m: String!) { createCrud(message: $m) { id } }', { m: 'x'.repeat(241) }), people.ana.token);
    expect(res.status).toBe(200);
    expect(res.json.data).toBeNull();
    expect(res.json.errors?.[0]).toMatchObject({ errorType: 'ValidationError', path: ['createCrud'] });
  });
});
