/**
 * The app's own operations (web/src/graphql, generated from web/src/**\/*.graphql) stay within the
 * API's cost limits (definitions/api.ts): depth as AppSync counts it, and the resolvers an
 * operation can run in the worst case, every list being as long as the largest page the API
 * accepts. A new field resolver or a bigger page that would make the app trip its own limits fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  getNamedType, getNullableType, isListType, isObjectType, Kind, parse,
  type FragmentDefinitionNode, type GraphQLObjectType, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { api } from '../../../../definitions/api.ts';
import { discoverResolvers } from '../../../../definitions/resolvers.ts';
import { operationDepth } from './query-depth.ts';
import { repoRoot } from '../../lambda-runtime/invoke.ts';
import { LIMITS } from '../../../../resolvers/lib/validate.ts';
import { loadSchema } from '../schema/load-schema.ts';

/** The largest `limit` the API accepts (resolvers/lib/validate.ts): any client may ask for it. */
const LARGEST_PAGE = LIMITS.pageMax;

const { schema } = loadSchema(fs.readFileSync(path.join(repoRoot, 'schema.graphql'), 'utf8'));
const resolved = new Set(discoverResolvers().map((r) => `${r.typeName}.${r.fieldName}`));
const generated = fs.readFileSync(path.join(repoRoot, 'web/src/graphql/operations.ts'), 'utf8');
const documents = [...generated.matchAll(/export const (\w+)Document = `([^`]*)`/g)].map(([, name, text]) => ({ name, doc: parse(text) }));

/** Resolver executions in the worst case: each list holds LARGEST_PAGE items. */
function worstResolverCount(set: SelectionSetNode, parent: GraphQLObjectType, fragments: Record<string, FragmentDefinitionNode>, times: number): number {
  let count = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      const def = parent.getFields()[sel.name.value];
      if (!def) continue; // __typename
      if (resolved.has(`${parent.name}.${def.name}`)) count += times;
      const inner = getNamedType(def.type);
      const each = isListType(getNullableType(def.type)) ? times * LARGEST_PAGE : times;
      if (sel.selectionSet && isObjectType(inner)) count += worstResolverCount(sel.selectionSet, inner, fragments, each);
    } else {
      const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : fragments[sel.name.value];
      const on = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
      if (isObjectType(on)) count += worstResolverCount(fragment.selectionSet, on, fragments, times);
    }
  }
  return count;
}

describe("the app's operations within the API's cost limits", () => {
  it('finds the generated operations', () => {
    expect(documents.length).toBeGreaterThan(20);
  });

  for (const { name, doc } of documents) {
    it(name, () => {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
      const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      expect(operationDepth(op, fragments)).toBeLessThanOrEqual(api.limits.queryDepthLimit);
      // Subscriptions run only their root resolver; deliveries run none.
      if (op.operation === 'subscription') return;
      const root = op.operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
      expect(worstResolverCount(op.selectionSet, root, fragments, 1)).toBeLessThanOrEqual(api.limits.resolverCountLimit);
    });
  }
});
