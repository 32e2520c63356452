import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationDepth } from './query-depth.ts';

function depthOf(text: string): number {
  const doc = parse(text);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return operationDepth(doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!, fragments);
}

describe('operationDepth', () => {
  it("counts as AppSync's guide does: root field 1, scalar leaves included", () => {
    expect(depthOf('query MyQuery { L1: nextLayer { L2: nextLayer { L3: nextLayer { L4: value } } } }')).toBe(4);
    expect(depthOf('{ a b c }')).toBe(1);
  });

  it('sees through inline fragments and fragment spreads, and leaves introspection out', () => {
    expect(depthOf('{ a { ... on T { b { ...F } } } } fragment F on U { c { d } }')).toBe(4);
    expect(depthOf('{ __schema { types { fields { type { name } } } } a { __typename } }')).toBe(1);
  });

  it('walks each fragment once however often it is spread', () => {
    const levels = 25;
    let text = '{ ...F0 }';
    for (let i = 0; i < levels; i++) text += ` fragment F${i} on T { x { ...F${i + 1} ...F${i + 1} } }`;
    text += ` fragment F${levels} on T { leaf }`;
    expect(depthOf(text)).toBe(levels + 1);
  });
});
