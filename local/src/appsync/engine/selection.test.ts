import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectBySelection, rekeyByFieldName, selectionSetGraphQL, selectionSetList } from './selection.ts';

function rootField(source: string): { nodes: FieldNode[]; fragments: Record<string, FragmentDefinitionNode> } {
  const doc = parse(source);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return { nodes: [op.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selection helpers', () => {
  const { nodes, fragments } = rootField(`{
    feed { items { id ...C text: message author { handle } } next: nextToken }
  }
  fragment C on Crud { createdAt ...C2 }
  fragment C2 on Crud { id }`);

  it('selectionSetList: paths under aliases, fragments flattened, duplicates once', () => {
    expect(selectionSetList(nodes, fragments)).toEqual(['items', 'items/id', 'items/createdAt', 'items/text', 'items/author', 'items/author/handle', 'next']);
  });

  it('selectionSetGraphQL prints the selection set as written', () => {
    expect(selectionSetGraphQL(nodes)).toBe('{\n  items {\n    id\n    ...C\n    text: message\n    author {\n      handle\n    }\n  }\n  next: nextToken\n}');
    expect(selectionSetGraphQL(rootField('{ leaf }').nodes)).toBe('');
  });

  it('projectBySelection keeps selected fields under their response keys, through lists', () => {
    const value = { items: [{ id: '1', createdAt: 't', message: 'm', author: { handle: 'h', secret: 's' }, extra: 1 }, null], nextToken: 'n', hidden: true };
    expect(projectBySelection(value, nodes, fragments)).toEqual({
      items: [{ id: '1', createdAt: 't', text: 'm', author: { handle: 'h' } }, null],
      next: 'n',
    });
    expect(projectBySelection(undefined, nodes, fragments)).toBeNull();
    expect(projectBySelection('scalar', rootField('{ leaf }').nodes, {})).toBe('scalar');
  });

  it('rekeyByFieldName maps aliases back to field names and drops what was not selected', () => {
    const response = { items: [{ id: '1', createdAt: 't', text: 'm', author: { handle: 'h' } }], next: 'n' };
    expect(rekeyByFieldName(response, nodes, fragments)).toEqual({
      items: [{ id: '1', createdAt: 't', message: 'm', author: { handle: 'h' } }],
      nextToken: 'n',
    });
  });

  it('rekeyByFieldName keeps the first of two aliases of one field', () => {
    const two = rootField('{ post { a: title b: title } }');
    expect(rekeyByFieldName({ a: 'x', b: 'y' }, two.nodes, two.fragments)).toEqual({ title: 'x' });
  });
});
