/**
 * The API's cost limits (definitions/api.ts) on the app's own schema, resolvers and embedded
 * DynamoDB: AppSync's depth and resolver-count errors, the request timeout stopping data-source
 * work, and one heavy request not holding up others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../../definitions/api.ts';
import type { AuthContext } from '../auth/types.ts';
import { DEFAULT_MAX_IN_FLIGHT } from './request-work.ts';
import type { ExecuteOptions } from './types.ts';
import { aliases, startAppFixture, type AppFixture } from './testing/app-harness.ts';

/** What the authorizer hands a logged-out visitor: no `sub`, so no viewer. */
const guest: AuthContext = { mode: 'AWS_LAMBDA', identity: { resolverContext: {} } };
const as = (requestId: string): ExecuteOptions => ({ auth: guest, requestId, headers: {}, domainName: null });
const CRUD = '01J00000000000000000000000';

let app: AppFixture;
beforeAll(async () => {
  app = await startAppFixture(100);
}, 60_000);
afterAll(() => app?.close());

/** Resolves once no request is open at the store and none arrived for `quietMs`. */
async function storeSettled(quietMs = 300, maxMs = 20_000): Promise<void> {
  const until = Date.now() + maxMs;
  let seen = -1;
  while (Date.now() < until) {
    if (app.tap.open === 0 && app.tap.arrived === seen) return;
    seen = app.tap.arrived;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
  throw new Error('the store never went quiet');
}

describe('resolverCountLimit', () => {
  it("stops a guest alias bomb with AppSync's error before it runs its data-source work", async () => {
    const engine = await app.engine(api.limits);
    const bomb = aliases(1000, 'publicFeed(limit: 50)', 'items { id message author { handle } }');
    const r = await engine.execute({ query: bomb }, as('bomb'));
    // publicFeed is non-null, so the first failed alias nulls the whole response (AppSync: graphql-java).
    expect(r.data).toBeNull();
    expect(r.errors?.[0]).toMatchObject({
      path: [`a${api.limits.resolverCountLimit}`],
      errorType: 'ResolverExecutionLimitReached',
      message: 'Resolver invocation limit reached.',
    });
    // At most the pipelines under way when the limit was crossed (each in-flight one finishes its
    // three steps). Without the limit ending the request: 2,000 calls, 100 items each.
    expect(app.calls.byRequest.get('bomb') ?? 0).toBeLessThanOrEqual(3 * DEFAULT_MAX_IN_FLIGHT);
  }, 60_000);

  it('lets the resolvers within the limit finish and fails the rest (AppSync: limit 2, three resolvers)', async () => {
    const engine = await app.engine({ resolverCountLimit: 2 });
    const r = await engine.execute({ query: '{ r1: user(handle: "ann") { handle } r2: user(handle: "ann") { handle } r3: user(handle: "ann") { handle } }' }, as('three'));
    expect(r.data).toEqual({ r1: { handle: 'ann' }, r2: { handle: 'ann' }, r3: null });
    expect(r.errors).toEqual([
      { path: ['r3'], data: null, errorType: 'ResolverExecutionLimitReached', errorInfo: null, locations: [{ line: 1, column: 73, sourceName: null }], message: 'Resolver invocation limit reached.' },
    ]);
  });
});

describe('queryDepthLimit', () => {
  const query = `{ crud(id: "${CRUD}") { id author { handle } } }`;

  it('fails fields past the limit with QueryDepthLimitReached, up to the first nullable parent', async () => {
    const engine = await app.engine({ queryDepthLimit: 2 });
    const r = await engine.execute({ query }, as('deep'));
    // handle (level 3) is String! and author User!, so the error nulls crud, the first nullable field.
    expect(r.data).toEqual({ crud: null });
    expect(r.errors).toEqual([
      { path: ['crud', 'author', 'handle'], data: null, errorType: 'QueryDepthLimitReached', errorInfo: null, locations: [{ line: 1, column: 56, sourceName: null }], message: 'Query depth limit of 2 reached.' },
    ]);
  });

  it('lets an operation at the limit run, and counts list items as no level', async () => {
    const engine = await app.engine({ queryDepthLimit: 3 });
    expect(await engine.execute({ query }, as('at-limit'))).toEqual({ data: { crud: { id: CRUD, author: { handle: 'ann' } } } });
    const list = await engine.execute({ query: '{ publicFeed(limit: 2) { items { id } } }' }, as('list'));
    expect(list.errors).toBeUndefined();
  });
});

describe('request timeout', () => {
  it('stops issuing data-source calls once the request has timed out', async () => {
    const engine = await app.engine({ ...api.limits, timeoutMs: 250 });
    await storeSettled();
    const r = await engine.execute({ query: aliases(250, 'publicFeed(limit: 50)', 'items { id }') }, as('slow'));
    expect(r).toEqual({ data: null, errors: [{ errorType: 'ExecutionTimeout', message: 'Execution timed out.' }] });
    const atAnswer = app.tap.arrived;
    expect(app.calls.byRequest.get('slow')).toBeGreaterThan(0);
    await storeSettled();
    // At most the calls already on the wire when the answer went out; without the request's work
    // ending, the queued calls (hundreds) kept reaching the store for seconds.
    expect(app.tap.arrived - atAnswer).toBeLessThanOrEqual(DEFAULT_MAX_IN_FLIGHT);
  }, 60_000);
});

describe('fairness', () => {
  it('answers a { __typename } probe before four heavy requests get far, and before they finish', async () => {
    // A generous timeout: this is about order, and the shared machine may be slow.
    const engine = await app.engine({ ...api.limits, timeoutMs: 120_000 });
    const heavy = aliases(50, 'publicFeed(limit: 10)', 'items { id message }');
    const order: string[] = [];
    const runs = [0, 1, 2, 3].map((i) => engine.execute({ query: heavy }, as(`heavy-${i}`)).then((r) => {
      order.push('heavy');
      return r;
    }));
    const heavyCalls = () => [0, 1, 2, 3].reduce((n, i) => n + (app.calls.byRequest.get(`heavy-${i}`) ?? 0), 0);
    // The probe arrives like a new request would: on a later turn of the event loop.
    const probe = await new Promise<{ calls: number }>((resolve) => {
      setImmediate(() => void engine.execute({ query: '{ __typename }' }, as('probe')).then(() => {
        order.push('probe');
        resolve({ calls: heavyCalls() });
      }));
    });
    const results = await Promise.all(runs);
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(order[0]).toBe('probe');
    // Each heavy request makes 100 calls (a page, then its authors, per alias). Before one request
    // could run all its resolvers in one synchronous pass, half of them had started by then.
    expect(heavyCalls()).toBe(400);
    expect(probe.calls).toBeLessThan(400 / 4);
  }, 120_000);
});
