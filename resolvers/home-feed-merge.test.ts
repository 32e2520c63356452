/**
 * The home feed's push + pull merge, run in the offline APPSYNC_JS runtime (steps 2 and 3 of the
 * Query.homeFeed pipeline): order, de-duplication, expiry and the cursor across pages.
 */
import { describe, expect, it } from 'vitest';
import { run, TABLE, user } from './lib/testing/evaluate.ts';

const now = Math.floor(Date.now() / 1000);
const live = now + 3600;
/** A ULID-shaped id whose order follows `n`. */
const id = (n: number) => `01J${String(n).padStart(23, '0')}`;

interface Model {
  /** Pushed rows of FEED#me (any order). */
  pushed: { sk: string; crudId: string; reason: string; expiresAt: number }[];
  /** RECENT items of the pulled accounts. */
  recent: { accountId: string; entries: { id: string; crudId: string; reason: string; createdAt: string; expiresAt: number }[] }[];
}

/** One homeFeed page through the real step handlers, with DynamoDB played by the model. */
async function page(model: Model, limit: number, nextToken: string | null, dynamoPage = limit) {
  const head = await run('Query.homeFeed/resolver.ts', 'request', { args: { limit, nextToken }, identity: user('me') });
  expect(head.error).toBeUndefined();
  const stash = head.stash as Record<string, any>;
  const recent = await run('Query.homeFeed/2.recent.[table].ts', 'response', { stash, result: { data: { [TABLE]: model.recent }, unprocessedKeys: { [TABLE]: [] } } });
  const before: string | null = stash.before;
  const below = model.pushed.filter((r) => before === null || r.sk < before).sort((a, b) => (a.sk < b.sk ? 1 : -1));
  // `dynamoPage` < limit plays a Query that stopped at DynamoDB's 1 MB page size with more to read.
  const items = below.slice(0, Math.min(limit, dynamoPage)).map((r) => ({ ...r, recipientId: 'me', createdAt: 't' }));
  const result = { items, nextToken: below.length > items.length ? 'dynamo-token' : null, scannedCount: items.length };
  const rows = await run('Query.homeFeed/3.feedRows.[table].ts', 'response', { stash: recent.stash, result });
  const out = rows.stash as { rows: { sk: string; reason: string }[]; nextToken: string | null };
  return { ids: out.rows.map((r) => r.sk), reasons: out.rows.map((r) => r.reason), nextToken: out.nextToken };
}

async function readAll(model: Model, limit: number, dynamoPage = limit) {
  const ids: string[] = [];
  let token: string | null = null;
  for (let i = 0; i < 100; i += 1) {
    const p = await page(model, limit, token, dynamoPage);
    ids.push(...p.ids);
    token = p.nextToken;
    if (!token) return ids;
  }
  throw new Error('the feed did not end');
}

const entry = (n: number, expiresAt = live) => ({ id: id(n), crudId: id(n), reason: 'FOLLOWING', createdAt: 't', expiresAt });
const row = (n: number, reason = 'FOLLOWING', expiresAt = live) => ({ sk: id(n), crudId: id(n), reason, expiresAt });

describe('homeFeed merge of pushed rows and pulled accounts', () => {
  it('serves one newest-first sequence, each id once (a pushed row wins over the same id pulled)', async () => {
    const model: Model = {
      pushed: [row(10, 'OWN'), row(7), row(4), row(1)],
      recent: [
        { accountId: 'p1', entries: [entry(9), entry(7), entry(3)] },
        { accountId: 'p2', entries: [entry(8), entry(5), entry(2)] },
      ],
    };
    const p = await page(model, 4, null);
    expect(p.ids).toEqual([id(10), id(9), id(8), id(7)]);
    expect(p.reasons).toEqual(['OWN', 'FOLLOWING', 'FOLLOWING', 'FOLLOWING']);
    expect(p.nextToken).toBe(`feed1.${id(7)}`);
    expect(await readAll(model, 4)).toEqual([10, 9, 8, 7, 5, 4, 3, 2, 1].map(id));
  });

  it('is complete, ordered and duplicate-free across pages for every page size', async () => {
    const pushed = [30, 28, 27, 21, 20, 19, 15, 12, 6, 2].map((n) => row(n));
    const p1 = [29, 27, 25, 24, 18, 14, 13, 12, 5].map((n) => entry(n));
    const p2 = [26, 23, 22, 17, 16, 11, 10, 9, 8, 7, 4, 3, 1].map((n) => entry(n));
    const model: Model = { pushed, recent: [{ accountId: 'p1', entries: p1 }, { accountId: 'p2', entries: p2 }] };
    const expected = Array.from({ length: 30 }, (_, i) => id(30 - i));
    for (const limit of [1, 2, 3, 5, 7, 20, 50]) expect(await readAll(model, limit), `limit ${limit}`).toEqual(expected);
  });

  it('holds back pulled entries below the last pushed row read while DynamoDB has more (a short 1 MB page)', async () => {
    const model: Model = { pushed: [row(10), row(9), row(4), row(2)], recent: [{ accountId: 'p', entries: [entry(5), entry(3), entry(1)] }] };
    const p = await page(model, 4, null, 1);
    expect(p.ids).toEqual([id(10)]);
    expect(p.nextToken).toBe(`feed1.${id(10)}`);
    expect(await readAll(model, 4, 1)).toEqual([10, 9, 5, 4, 3, 2, 1].map(id));
  });

  it('skips expired rows and entries, and the cursor moves past a page of expired rows', async () => {
    const gone = now - 1;
    const model: Model = {
      pushed: [row(9, 'FOLLOWING', gone), row(8, 'FOLLOWING', gone), row(3)],
      recent: [{ accountId: 'p', entries: [entry(7, gone), entry(4), entry(2, gone)] }],
    };
    const first = await page(model, 2, null);
    expect(first.ids).toEqual([]);
    expect(first.nextToken).toBe(`feed1.${id(8)}`);
    expect(await readAll(model, 2)).toEqual([4, 3].map(id));
  });

  it('pages through a pulled account alone (no pushed rows)', async () => {
    const model: Model = { pushed: [], recent: [{ accountId: 'p', entries: [5, 4, 3, 2, 1].map((n) => entry(n)) }] };
    for (const limit of [1, 2, 5]) expect(await readAll(model, limit), `limit ${limit}`).toEqual([5, 4, 3, 2, 1].map(id));
  });

  it('ends with a null nextToken on the last page', async () => {
    const p = await page({ pushed: [row(2)], recent: [{ accountId: 'p', entries: [entry(1)] }] }, 5, null);
    expect(p).toMatchObject({ ids: [id(2), id(1)], nextToken: null });
  });
});
