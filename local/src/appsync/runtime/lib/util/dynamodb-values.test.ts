// Shapes from the developer guide's "DynamoDB helpers in util.dynamodb"; numbers stay JSON numbers,
// as AppSync's EvaluateCode returns them.
import { describe, expect, it } from 'vitest';
import { dynamodb } from './dynamodb-values.ts';

describe('util.dynamodb', () => {
  it('converts scalars and nested values', () => {
    expect(dynamodb.toDynamoDB('foo')).toEqual({ S: 'foo' });
    expect(dynamodb.toDynamoDB(12345)).toEqual({ N: 12345 });
    expect(dynamodb.toDynamoDB(true)).toEqual({ BOOL: true });
    expect(dynamodb.toDynamoDB(null)).toEqual({ NULL: null });
    expect(dynamodb.toDynamoDB({ foo: 'bar', baz: 1234, beep: ['boop'] })).toEqual({
      M: { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } },
    });
    expect(dynamodb.toList(['foo', 123, { bar: 'baz' }])).toEqual({ L: [{ S: 'foo' }, { N: 123 }, { M: { bar: { S: 'baz' } } }] });
  });

  it('builds typed values and sets', () => {
    expect(dynamodb.toString('foo')).toEqual({ S: 'foo' });
    expect(dynamodb.toNumber(12.5)).toEqual({ N: 12.5 });
    expect(dynamodb.toStringSet(['foo', 'bar'])).toEqual({ SS: ['foo', 'bar'] });
    expect(dynamodb.toNumberSet([1, 23, 4.56])).toEqual({ NS: [1, 23, 4.56] });
    expect(dynamodb.toBinary('foo')).toEqual({ B: 'foo' });
    expect(dynamodb.toBinarySet(['foo'])).toEqual({ BS: ['foo'] });
    expect(dynamodb.toBoolean(false)).toEqual({ BOOL: false });
    expect(dynamodb.toNull()).toEqual({ NULL: null });
    expect(dynamodb.toString(null)).toBeNull();
  });

  it('maps the values of an object and drops undefined', () => {
    expect(dynamodb.toMapValues({ a: 'x', b: undefined, c: [1] })).toEqual({ a: { S: 'x' }, c: { L: [{ N: 1 }] } });
    expect(dynamodb.toMap('not a map')).toBeNull();
  });

  it('stores S3 objects as a JSON string attribute and reads them back', () => {
    expect(dynamodb.toS3Object('foo', 'bar', 'baz')).toEqual({ S: '{"s3":{"key":"foo","bucket":"bar","region":"baz"}}' });
    expect(dynamodb.toS3Object('foo', 'bar', 'baz', 'beep')).toEqual({ S: '{"s3":{"key":"foo","bucket":"bar","region":"baz","version":"beep"}}' });
    expect(dynamodb.fromS3ObjectJson('{"s3":{"key":"foo","bucket":"bar","region":"baz"}}')).toEqual({ key: 'foo', bucket: 'bar', region: 'baz' });
  });
});
