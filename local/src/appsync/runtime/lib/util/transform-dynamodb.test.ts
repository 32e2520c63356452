// The developer guide's "Transformation helpers in util.transform" documents the output as a JSON
// string, e.g. {id: {attributeExists: true}, version: {eq: 10}} →
// "(attribute_exists(#id)) AND (#version = :version_eq)". The nesting rules below follow
// AppSync's EvaluateCode output (see docs/runtime-fidelity.md).
import { describe, expect, it } from 'vitest';
import { toDynamoDBConditionExpression, toDynamoDBFilterExpression } from './transform-dynamodb.ts';

const parsed = (s: string | null) => (s === null ? null : JSON.parse(s));

describe('util.transform.toDynamoDBConditionExpression / toDynamoDBFilterExpression', () => {
  it('returns a JSON string (the documented condition example)', () => {
    const out = toDynamoDBConditionExpression({ id: { attributeExists: true }, version: { eq: 10 } });
    expect(typeof out).toBe('string');
    expect(parsed(out)).toEqual({
      expression: '(attribute_exists(#id)) AND (#version = :version_eq)',
      expressionNames: { '#id': 'id', '#version': 'version' },
      expressionValues: { ':version_eq': { N: 10 } },
    });
  });

  it('renders every comparison and function operator', () => {
    const out = parsed(toDynamoDBFilterExpression({
      a: { ne: 'x' }, b: { le: 2 }, c: { beginsWith: 'p' }, d: { notContains: 'q' }, e: { in: [1, 2] }, f: { between: [1, 5] }, g: { attributeType: 'stringSet' },
    }));
    expect(out.expression).toBe([
      '(#a <> :a_ne)', '(#b <= :b_le)', '(begins_with(#c,:c_beginsWith))', '(NOT contains(#d,:d_notContains))',
      '(#e IN (:e_in_0, :e_in_1))', '(#f BETWEEN :f_between_start AND :f_between_end)', '(attribute_type(#g,:g_attributeType))',
    ].join(' AND '));
    expect(out.expressionValues[':g_attributeType']).toEqual({ S: 'SS' });
    expect(out.expressionValues[':f_between_end']).toEqual({ N: 5 });
  });

  it('names values after their place in and/or/not groups and wraps groups of two or more', () => {
    const out = parsed(toDynamoDBFilterExpression({ or: [{ not: { owner: { eq: 'me' } } }, { and: [{ n: { gt: 1 } }, { n: { lt: 9 } }] }] }));
    expect(out.expression).toBe('((NOT (#owner = :or_0_not_owner_eq)) OR ((#n > :or_1_and_0_n_gt) AND (#n < :or_1_and_1_n_lt)))');
    expect(Object.keys(out.expressionValues).sort()).toEqual([':or_0_not_owner_eq', ':or_1_and_0_n_gt', ':or_1_and_1_n_lt']);
  });

  it('applies operators to size() and wraps a field with several operators', () => {
    expect(parsed(toDynamoDBFilterExpression({ tags: { size: { ge: 1, le: 3 } } })).expression)
      .toBe('((size(#tags) >= :tags_size_ge) AND (size(#tags) <= :tags_size_le))');
    expect(parsed(toDynamoDBFilterExpression({ v: { ge: 1, le: 5 } })).expression).toBe('((#v >= :v_ge) AND (#v <= :v_le))');
  });

  it('renders an empty filter as an empty expression', () => {
    expect(parsed(toDynamoDBFilterExpression({}))).toEqual({ expression: '', expressionNames: {}, expressionValues: {} });
  });

  it('answers null for filters it cannot render', () => {
    for (const bad of [null, undefined, [], 'x', { v: { unknown: 1 } }, { v: 'x' }, { and: { a: { eq: 1 } } }, { v: { between: [1] } },
      { v: { attributeExists: 'yes' } }, { v: { attributeType: 'S' } }, { not: [] }]) {
      expect(toDynamoDBFilterExpression(bad)).toBeNull();
    }
  });
});
