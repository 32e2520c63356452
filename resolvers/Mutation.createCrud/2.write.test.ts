import { describe, expect, it } from 'vitest';
import { cognito, guest, N, run, S, TABLE, user } from '../lib/testing/evaluate.ts';

const FILE = 'Mutation.createCrud/2.write.[table].ts';

describe('Mutation.createCrud', () => {
  it('puts the crud and counts it on the profile in one transaction', async () => {
    const ev = await run(FILE, 'request', { args: { message: '  Hello #Cloud and @Bayko!  ', expiresIn: 'ONE_HOUR' }, identity: user('u1') });
    expect(ev.error).toBeUndefined();
    const item = ev.stash.item as Record<string, unknown>;
    const id = item.id as string;
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(item).toMatchObject({
      pk: `CRUD#${id}`,
      sk: 'CRUD',
      type: 'CRUD',
      authorId: 'u1',
      message: 'Hello #Cloud and @Bayko!',
      hashtags: ['cloud'],
      mentions: ['bayko'],
      gsi2pk: 'CRUDS#u1',
      gsi2sk: id,
      gsi3pk: 'PUBLIC',
      gsi3sk: id,
      likesCount: 0,
    });
    const now = Math.floor(Date.now() / 1000);
    expect(item.expiresAt as number).toBeGreaterThanOrEqual(now + 3600 - 5);
    expect(item.expiresAt as number).toBeLessThanOrEqual(now + 3600 + 5);
    const value = ev.value as { operation: string; transactItems: Record<string, unknown>[] };
    expect(value.operation).toBe('TransactWriteItems');
    expect(value.transactItems).toHaveLength(2);
    expect(value.transactItems[0]).toMatchObject({
      table: TABLE,
      operation: 'PutItem',
      key: { pk: S(`CRUD#${id}`), sk: S('CRUD') },
      condition: { expression: 'attribute_not_exists(#pk)', expressionNames: { '#pk': 'pk' } },
    });
    expect((value.transactItems[0].attributeValues as Record<string, unknown>).message).toEqual(S('Hello #Cloud and @Bayko!'));
    expect(value.transactItems[1]).toEqual({
      table: TABLE,
      operation: 'UpdateItem',
      key: { pk: S('USER#u1'), sk: S('PROFILE') },
      update: { expression: 'ADD #c :by', expressionNames: { '#c': 'crudsCount' }, expressionValues: { ':by': N(1) } },
      condition: { expression: 'attribute_exists(#pk)', expressionNames: { '#pk': 'pk' } },
    });
  });

  it('defaults to 7 days', async () => {
    const ev = await run(FILE, 'request', { args: { message: 'x' }, identity: user('u1') });
    const exp = (ev.stash.item as { expiresAt: number }).expiresAt;
    expect(Math.abs(exp - (Math.floor(Date.now() / 1000) + 7 * 86400))).toBeLessThanOrEqual(5);
  });

  it.each([
    ['blank', '   '],
    ['241 characters', 'x'.repeat(241)],
  ])('rejects a %s message with ValidationError and writes nothing', async (_name, message) => {
    const ev = await run(FILE, 'request', { args: { message }, identity: user('u1') });
    expect(ev.error?.errorType).toBe('ValidationError');
    expect(ev.value).toBeUndefined();
  });

  it('accepts exactly 240 characters after trimming', async () => {
    const ev = await run(FILE, 'request', { args: { message: ` ${'y'.repeat(240)} ` }, identity: user('u1') });
    expect(ev.error).toBeUndefined();
  });

  it('refuses guests and callers without an identity', async () => {
    for (const identity of [guest, null]) {
      const ev = await run(FILE, 'request', { args: { message: 'hi' }, identity });
      expect(ev.unauthorized).toBe(true);
    }
  });

  it('accepts a Cognito user-pool identity (the explorer)', async () => {
    const ev = await run(FILE, 'request', { args: { message: 'hi' }, identity: cognito('c1') });
    expect((ev.stash.item as { authorId: string }).authorId).toBe('c1');
  });

  it('maps a failed profile condition to NotFound', async () => {
    const stash = { item: { id: 'X', authorId: 'u1', message: 'm', createdAt: '2026-01-01T00:00:00.000Z', expiresAt: 1 } };
    const ev = await run(FILE, 'response', {
      stash,
      error: { type: 'DynamoDB:TransactionCanceledException', message: 'cancelled' },
      result: { keys: null, cancellationReasons: [{ type: 'None', message: null }, { type: 'ConditionalCheckFailed', message: 'failed' }] },
    });
    expect(ev.error?.errorType).toBe('NotFound');
  });

  it('returns the crud with expiresAt as ISO 8601', async () => {
    const stash = { item: { id: 'X', authorId: 'u1', message: 'm', createdAt: '2026-01-01T00:00:00.000Z', expiresAt: 1767225600 } };
    const ev = await run(FILE, 'response', { stash, result: { keys: [] } });
    expect(ev.value).toMatchObject({ id: 'X', authorId: 'u1', hashtags: [], mentions: [], likesCount: 0 });
    // AppSync's formatting of whole seconds is not pinned down here; the instant is.
    expect(Date.parse((ev.value as { expiresAt: string }).expiresAt)).toBe(1767225600_000);
  });
});
