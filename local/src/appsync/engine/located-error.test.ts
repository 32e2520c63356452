import { getLocation, Kind, parse, Source, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FieldError } from './field-error.ts';
import { locatedAt } from './located-error.ts';

describe('locatedAt', () => {
  it('places the error where graphql-js would, on every line ending, with its path', () => {
    const source = new Source('{\r\n  a\n  b\r  c d { e }\n}');
    const doc = parse(source);
    const fields: FieldNode[] = [];
    const walk = (node: { selectionSet?: { selections: readonly unknown[] } }) => {
      for (const s of (node.selectionSet?.selections ?? []) as FieldNode[]) {
        if (s.kind === Kind.FIELD) fields.push(s);
        walk(s);
      }
    };
    walk(doc.definitions[0] as never);
    expect(fields.map((f) => f.name.value)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const error = new FieldError('Resolver invocation limit reached.', 'ResolverExecutionLimitReached');
    for (const field of fields) {
      const info = { fieldNodes: [field], path: { prev: { prev: undefined, key: 'x', typename: 'Q' }, key: 0, typename: undefined } } as unknown as GraphQLResolveInfo;
      const located = locatedAt(error, info);
      expect(located.locations).toEqual([getLocation(source, field.loc!.start)]);
      expect(located.path).toEqual(['x', 0]);
      expect(located.originalError).toBe(error);
    }
  });
});
