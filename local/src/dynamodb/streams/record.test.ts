import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DynamoDBRecord } from 'aws-lambda';
import { attributeMapSize, buildRecord, formatSequenceNumber, parseSequenceNumber, sameItem, type StreamRecord } from './record.ts';
import { matchesAny } from './filter.ts';

const ctx = { region: 'eu-west-1', eventSourceARN: 'arn:aws:dynamodb:eu-west-1:000000000000:table/t/stream/2026-01-01T00:00:00.000', now: 1_800_000_000_500 };
const keys = { pk: { S: 'a' } };

describe('stream record', () => {
  it('is assignable to the DynamoDBRecord Lambda handlers are typed with', () => {
    expectTypeOf<StreamRecord>().toExtend<DynamoDBRecord>();
  });

  it('sequence numbers are fixed width, ordered as strings and as numbers, and round-trip', () => {
    const a = formatSequenceNumber(9n);
    const b = formatSequenceNumber(10n);
    expect(a).toHaveLength(21);
    expect(a < b).toBe(true);
    expect(BigInt(a) < BigInt(b)).toBe(true);
    expect(parseSequenceNumber(b)).toBe(10n);
  });

  it('derives the event name from the images and skips unchanged items', () => {
    expect(buildRecord({ tableName: 't', keys, newImage: keys }, '1', ctx)?.eventName).toBe('INSERT');
    expect(buildRecord({ tableName: 't', keys, oldImage: keys }, '1', ctx)?.eventName).toBe('REMOVE');
    expect(buildRecord({ tableName: 't', keys, oldImage: keys, newImage: { ...keys, v: { N: '1' } } }, '1', ctx)?.eventName).toBe('MODIFY');
    expect(buildRecord({ tableName: 't', keys, oldImage: { ...keys, s: { SS: ['x', 'y'] } }, newImage: { s: { SS: ['y', 'x'] }, ...keys } }, '1', ctx)).toBeNull();
    expect(buildRecord({ tableName: 't', keys }, '1', ctx)).toBeNull();
  });

  it('marks only TTL removals with the service identity; time is epoch seconds', () => {
    const ttl = buildRecord({ tableName: 't', keys, oldImage: keys, byTtl: true }, '1', ctx)!;
    expect(ttl.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
    expect(ttl.dynamodb.ApproximateCreationDateTime).toBe(1_800_000_000);
    expect(buildRecord({ tableName: 't', keys, newImage: keys, byTtl: true }, '1', ctx)!.userIdentity).toBeUndefined();
  });

  it('sizes items by DynamoDB rules (name bytes + value bytes)', () => {
    expect(attributeMapSize({ pk: { S: 'abc' } })).toBe(5);
    expect(attributeMapSize({ ok: { BOOL: true } })).toBe(3);
    expect(sameItem({ m: { M: { a: { N: '1' }, b: { S: 'x' } } } }, { m: { M: { b: { S: 'x' }, a: { N: '1' } } } })).toBe(true);
  });
});

describe('filter patterns', () => {
  const record = buildRecord({ tableName: 't', keys: { pk: { S: 'CRUD#1' } }, newImage: { pk: { S: 'CRUD#1' }, likes: { N: '5' } } }, '1', ctx)!;
  it('matches literals, prefix, exists, anything-but and numeric', () => {
    expect(matchesAny(undefined, record)).toBe(true);
    expect(matchesAny([{ eventName: ['INSERT'] }], record)).toBe(true);
    expect(matchesAny([{ eventName: ['REMOVE'] }], record)).toBe(false);
    expect(matchesAny([{ dynamodb: { Keys: { pk: { S: [{ prefix: 'CRUD#' }] } } } }], record)).toBe(true);
    expect(matchesAny([{ dynamodb: { OldImage: [{ exists: false }] } }], record)).toBe(true);
    expect(matchesAny([{ eventName: [{ 'anything-but': ['INSERT'] }] }], record)).toBe(false);
    expect(matchesAny([{ dynamodb: { NewImage: { likes: { N: [{ numeric: ['>', 3, '<=', 5] }] } } } }], record)).toBe(true);
    expect(matchesAny([{ dynamodb: { NewImage: { likes: { N: [{ numeric: ['>', 5] }] } } } }], record)).toBe(false);
  });
});
