import { describe, expect, it } from 'vitest';
import { matchesArguments, matchesFilter, matchesOne, readPath, shouldDeliver, validateFilter } from './filters.ts';

const payload = {
  id: 't1',
  severity: 7,
  priority: 'high',
  title: 'Disk full on web-1',
  tags: ['ops', 'disk'],
  group: { id: 'g1', owner: { name: 'ana' } },
  nothing: null,
};

const f = (fieldName: string, operator: string, value?: unknown) => ({ fieldName, operator, value });
const one = (fieldName: string, operator: string, value?: unknown) => matchesOne(f(fieldName, operator, value), payload);

describe('enhanced filter operators', () => {
  it('eq / ne', () => {
    expect(one('priority', 'eq', 'high')).toBe(true);
    expect(one('priority', 'eq', 'low')).toBe(false);
    expect(one('severity', 'eq', '7')).toBe(false); // no coercion between JSON types
    expect(one('priority', 'ne', 'low')).toBe(true);
    expect(one('priority', 'ne', 'high')).toBe(false);
    expect(one('missing', 'ne', 'x')).toBe(true);
    expect(one('missing', 'eq', 'x')).toBe(false);
    expect(one('nothing', 'eq', null)).toBe(true);
  });
  it('lt / le / gt / ge on numbers and strings', () => {
    expect(one('severity', 'lt', 8)).toBe(true);
    expect(one('severity', 'lt', 7)).toBe(false);
    expect(one('severity', 'le', 7)).toBe(true);
    expect(one('severity', 'gt', 6)).toBe(true);
    expect(one('severity', 'gt', 7)).toBe(false);
    expect(one('severity', 'ge', 7)).toBe(true);
    expect(one('priority', 'gt', 'a')).toBe(true);
    expect(one('severity', 'gt', '1')).toBe(false); // number vs string never compares
    expect(one('missing', 'lt', 100)).toBe(false);
  });
  it('contains / notContains on strings and lists', () => {
    expect(one('title', 'contains', 'full')).toBe(true);
    expect(one('title', 'contains', 'empty')).toBe(false);
    expect(one('tags', 'contains', 'ops')).toBe(true);
    expect(one('tags', 'contains', 'dev')).toBe(false);
    expect(one('title', 'notContains', 'empty')).toBe(true);
    expect(one('tags', 'notContains', 'ops')).toBe(false);
    expect(one('tags', 'notContains', 'dev')).toBe(true);
  });
  it('beginsWith', () => {
    expect(one('title', 'beginsWith', 'Disk')).toBe(true);
    expect(one('title', 'beginsWith', 'disk')).toBe(false);
    expect(one('severity', 'beginsWith', '7')).toBe(false);
    expect(one('group.owner.name', 'beginsWith', 'an')).toBe(true);
  });
  it('in / notIn', () => {
    expect(one('priority', 'in', ['low', 'high'])).toBe(true);
    expect(one('priority', 'in', ['low', 'medium'])).toBe(false);
    expect(one('priority', 'notIn', ['low', 'medium'])).toBe(true);
    expect(one('priority', 'notIn', ['high'])).toBe(false);
    expect(one('missing', 'in', ['x'])).toBe(false);
  });
  it('between is inclusive', () => {
    expect(one('severity', 'between', [7, 9])).toBe(true);
    expect(one('severity', 'between', [1, 7])).toBe(true);
    expect(one('severity', 'between', [8, 9])).toBe(false);
    expect(one('priority', 'between', ['a', 'i'])).toBe(true);
  });
  it('containsAny on lists and strings', () => {
    expect(one('tags', 'containsAny', ['dev', 'disk'])).toBe(true);
    expect(one('tags', 'containsAny', ['dev', 'qa'])).toBe(false);
    expect(one('title', 'containsAny', ['web', 'db'])).toBe(true);
  });
  it('reads nested paths', () => {
    expect(readPath(payload, 'group.owner.name')).toBe('ana');
    expect(readPath(payload, 'group.nope.name')).toBeUndefined();
    expect(one('group.id', 'eq', 'g1')).toBe(true);
  });
});

describe('groups and filters', () => {
  it('ANDs filters inside a group and ORs groups', () => {
    const both = { filterGroup: [{ filters: [f('severity', 'ge', 5), f('priority', 'eq', 'high')] }] };
    const oneFails = { filterGroup: [{ filters: [f('severity', 'ge', 5), f('priority', 'eq', 'low')] }] };
    const orGroups = { filterGroup: [{ filters: [f('priority', 'eq', 'low')] }, { filters: [f('tags', 'contains', 'ops')] }] };
    expect(matchesFilter(both, payload)).toBe(true);
    expect(matchesFilter(oneFails, payload)).toBe(false);
    expect(matchesFilter(orGroups, payload)).toBe(true);
    expect(matchesFilter({ filterGroup: [] }, payload)).toBe(true);
  });
});

describe('argument filtering', () => {
  it('requires every supplied argument to equal the payload field', () => {
    expect(matchesArguments({}, payload)).toBe(true);
    expect(matchesArguments({ id: 't1' }, payload)).toBe(true);
    expect(matchesArguments({ id: 't1', priority: 'low' }, payload)).toBe(false);
    expect(matchesArguments({ id: 't1', priority: null }, payload)).toBe(true); // null = not supplied
    expect(matchesArguments({ absent: 'x' }, payload)).toBe(false); // field not selected by the mutation
    expect(matchesArguments({ id: 't1' }, null)).toBe(false);
  });
  it('is not applied when an enhanced filter is set (aws-appsync-community#89)', () => {
    const filter = { filterGroup: [{ filters: [f('priority', 'eq', 'high')] }] };
    expect(shouldDeliver({ args: { id: 'other' }, filter }, payload)).toBe(true);
    expect(shouldDeliver({ args: { id: 'other' } }, payload)).toBe(false);
  });
});

describe('AWS filter limits', () => {
  const group = (...filters: ReturnType<typeof f>[]) => ({ filters });
  it('accepts filters at the limits', () => {
    const filter = {
      filterGroup: Array.from({ length: 10 }, () =>
        group(f('a.b.c.d.e', 'in', [1, 2, 3, 4, 5]), f('x', 'containsAny', Array.from({ length: 20 }, (_, i) => i)), f('y', 'eq', 1), f('z', 'between', [1, 2]), f('w', 'notIn', [1])),
      ),
    };
    expect(validateFilter(filter)).toBeNull();
  });
  it('rejects more than 10 groups', () => {
    expect(validateFilter({ filterGroup: Array.from({ length: 11 }, () => group(f('a', 'eq', 1))) })).toMatch(/group limit 10/);
  });
  it('rejects more than 5 filters in a group', () => {
    expect(validateFilter({ filterGroup: [group(...Array.from({ length: 6 }, () => f('a', 'eq', 1)))] })).toBe(
      'Filters exceed maximum attributes limit 5 for subscription',
    );
  });
  it('rejects in/notIn with more than 5 values', () => {
    expect(validateFilter({ filterGroup: [group(f('a', 'in', [1, 2, 3, 4, 5, 6]))] })).toBe(
      'subscription exceeds maximum value limit 5 for operator `in`.',
    );
    expect(validateFilter({ filterGroup: [group(f('a', 'notIn', [1, 2, 3, 4, 5, 6]))] })).toMatch(/limit 5 for operator `notIn`/);
  });
  it('rejects containsAny with more than 20 values', () => {
    expect(validateFilter({ filterGroup: [group(f('a', 'containsAny', Array.from({ length: 21 }, (_, i) => i)))] })).toMatch(
      /limit 20 for operator `containsAny`/,
    );
  });
  it('rejects paths deeper than 5 and names longer than 256', () => {
    expect(validateFilter({ filterGroup: [group(f('a.b.c.d.e.f', 'eq', 1))] })).toMatch(/nesting depth 5/);
    expect(validateFilter({ filterGroup: [group(f('a'.repeat(257), 'eq', 1))] })).toMatch(/length 256/);
  });
  it('rejects unknown operators and malformed between', () => {
    expect(validateFilter({ filterGroup: [group(f('a', 'regex', 'x'))] })).toMatch(/unsupported operator/);
    expect(validateFilter({ filterGroup: [group(f('a', 'between', [1]))] })).toMatch(/between/);
  });
});
