// Developer guide, "Enhanced subscription filtering" / util.transform.toSubscriptionFilter: fields
// and `and` members combine into one group; each operator of a field and each `or` member (and each
// rule) is an alternative group.
import { describe, expect, it } from 'vitest';
import { toSubscriptionFilter } from './transform-subscription.ts';

const f = (fieldName: string, operator: string, value: unknown) => ({ fieldName, operator, value });

describe('util.transform.toSubscriptionFilter', () => {
  it('puts the fields of one object in one group', () => {
    expect(toSubscriptionFilter({ recipientId: { eq: 'u1' }, kind: { in: ['like', 'reply'] } })).toEqual({
      filterGroup: [{ filters: [f('recipientId', 'eq', 'u1'), f('kind', 'in', ['like', 'reply'])] }],
    });
  });

  it('multiplies out or-groups and several operators on one field', () => {
    expect(toSubscriptionFilter({ a: { eq: 1 }, or: [{ b: { eq: 2 } }, { c: { gt: 3 } }] })).toEqual({
      filterGroup: [{ filters: [f('a', 'eq', 1), f('b', 'eq', 2)] }, { filters: [f('a', 'eq', 1), f('c', 'gt', 3)] }],
    });
    expect(toSubscriptionFilter({ a: { ge: 1, le: 2 } })).toEqual({ filterGroup: [{ filters: [f('a', 'ge', 1)] }, { filters: [f('a', 'le', 2)] }] });
  });

  it('drops ignored fields and adds rules as alternatives', () => {
    expect(toSubscriptionFilter({ a: { eq: 1 }, b: { eq: 2 } }, ['b'], { score: { gte: 10 } })).toEqual({
      filterGroup: [{ filters: [f('a', 'eq', 1), f('score', 'gte', 10)] }],
    });
  });

  it('ignores the listed fields of the first object, at any depth, keeping the rest', () => {
    // The usual use: a subscription's arguments are the filter, minus those that are not filter fields.
    const args = { recipientId: { eq: 'u1' }, limit: { eq: 20 }, and: [{ kind: { eq: 'like' } }, { limit: { eq: 1 } }] };
    expect(toSubscriptionFilter(args, ['limit'])).toEqual({ filterGroup: [{ filters: [f('recipientId', 'eq', 'u1'), f('kind', 'eq', 'like')] }] });
  });

  it('gives no groups for an empty filter and null for anything that is not an object', () => {
    expect(toSubscriptionFilter({})).toEqual({ filterGroup: [] });
    expect(toSubscriptionFilter(null)).toBeNull();
    expect(toSubscriptionFilter('{"a":{"eq":1}}')).toBeNull();
  });
});
