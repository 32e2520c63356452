/** Which stream records become which publish calls (records in the exact Lambda shape). */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { publishCallsFor } from './events.ts';

let seq = 100;
function record(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', oldImage?: Record<string, unknown>, newImage?: Record<string, unknown>): DynamoDBRecord {
  const image = newImage ?? oldImage!;
  seq += 1;
  return {
    eventID: `e${seq}`,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      ApproximateCreationDateTime: 1764201600,
      Keys: marshall({ pk: image.pk, sk: image.sk }) as never,
      NewImage: newImage ? (marshall(newImage) as never) : undefined,
      OldImage: oldImage ? (marshall(oldImage) as never) : undefined,
      SequenceNumber: String(seq),
      SizeBytes: 100,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/x',
  };
}

const crud = { pk: 'CRUD#c1', sk: 'CRUD', type: 'CRUD', id: 'c1', authorId: 'a', likesCount: 1, repliesCount: 0, repostsCount: 0, expiresAt: 1 };

describe('publishCallsFor', () => {
  it('publishes a feed row to its recipient', () => {
    const row = { pk: 'FEED#r', sk: 'ev1', type: 'FEED', recipientId: 'r', crudId: 'c1', reason: 'REPOST', repostedById: 'b', createdAt: '2026-11-27T00:00:00Z', expiresAt: 1 };
    const [call] = publishCallsFor(record('INSERT', undefined, row));
    expect(call.field).toBe('publishFeedItem');
    expect(call.variables).toEqual({ input: { id: 'ev1', recipientId: 'r', crudId: 'c1', reason: 'REPOST', repostedById: 'b', createdAt: '2026-11-27T00:00:00Z' } });
  });

  it('announces each new RECENT entry of a pulled account once, for all its followers; seeded entries and removals are silent', () => {
    const e = (id: string, extra: Record<string, unknown> = {}) => ({ id, crudId: id, reason: 'FOLLOWING', createdAt: '2026-11-27T00:00:00Z', expiresAt: 1, ...extra });
    const recent = (entries: Record<string, unknown>[]) => ({ pk: 'USER#star', sk: 'RECENT', type: 'RECENT', accountId: 'star', entries, version: entries.length });
    const seeded = publishCallsFor(record('INSERT', undefined, recent([e('old', { backfilled: true })])));
    expect(seeded).toEqual([]);
    const calls = publishCallsFor(record('MODIFY', recent([e('old', { backfilled: true })]), recent([e('rp', { crudId: 'c9', reason: 'REPOST', repostedById: 'star' }), e('old', { backfilled: true })])));
    expect(calls).toHaveLength(1);
    expect(calls[0].field).toBe('publishCelebrityFeedItem');
    expect(calls[0].variables).toEqual({ input: { id: 'rp', recipientId: 'star', crudId: 'c9', reason: 'REPOST', repostedById: 'star', createdAt: '2026-11-27T00:00:00Z' } });
    expect(publishCallsFor(record('MODIFY', recent([e('new'), e('old')]), recent([e('old')])))).toEqual([]);
  });

  it('does not push rows back-filled by a follow (they are not new)', () => {
    const row = { pk: 'FEED#r', sk: 'ev0', type: 'FEED', recipientId: 'r', crudId: 'c0', reason: 'FOLLOWING', createdAt: '2026-11-20T00:00:00Z', expiresAt: 1, backfilled: true };
    expect(publishCallsFor(record('INSERT', undefined, row))).toEqual([]);
  });

  it('publishes a message once per member', () => {
    const msg = { pk: 'CONV#a_b', sk: 'MSG#m1', type: 'MSG', id: 'm1', conversationId: 'a_b', senderId: 'a', memberIds: ['a', 'b'], body: 'hi', createdAt: '2026-11-27T00:00:00Z' };
    const calls = publishCallsFor(record('INSERT', undefined, msg));
    expect(calls.map((c) => c.variables.input.recipientId)).toEqual(['a', 'b']);
    expect(calls.every((c) => c.field === 'publishMessage')).toBe(true);
  });

  it('publishes crud counter changes, and deletions, but not other modifications', () => {
    expect(publishCallsFor(record('MODIFY', crud, { ...crud, likesCount: 2 }))[0].variables.input).toEqual({ id: 'c1', likesCount: 2, repliesCount: 0, repostsCount: 0, deleted: false });
    expect(publishCallsFor(record('MODIFY', crud, { ...crud, message: 'same counts' }))).toEqual([]);
    expect(publishCallsFor(record('REMOVE', crud))[0].variables.input).toMatchObject({ id: 'c1', deleted: true });
  });

  it('ignores rows that are not events', () => {
    expect(publishCallsFor(record('INSERT', undefined, { pk: 'USER#a', sk: 'PROFILE', id: 'a' }))).toEqual([]);
    expect(publishCallsFor(record('INSERT', undefined, { pk: 'CRUD#c1', sk: 'LIKE#b', type: 'LIKE' }))).toEqual([]);
  });
});
