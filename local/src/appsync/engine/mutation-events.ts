/**
 * After a mutation, AppSync publishes each `@aws_subscribe`d mutation field's result *after the
 * mutation's own selection set* ("aws-appsync-real-time-data.html"); mutations that return
 * errors still broadcast (reference/appsync.md §7). The payload is keyed by field name so each
 * subscriber's selection set can read it; fields the mutation did not select are absent.
 */
import type { FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { Kind } from 'graphql';
import { rekeyByFieldName, selectedFields } from './selection.ts';
import type { MutationEvent } from './types.ts';

export function mutationEvents(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  data: Record<string, unknown> | null | undefined,
  subscriptionsByMutation: ReadonlyMap<string, readonly string[]>,
  requestId: string,
): MutationEvent[] {
  const events: MutationEvent[] = [];
  const root = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '' }, selectionSet: operation.selectionSet } as const;
  const seen = new Set<string>();
  for (const field of selectedFields([root as never], fragments)) {
    const name = field.name.value;
    const key = field.alias?.value ?? name;
    if (!subscriptionsByMutation.has(name) || seen.has(key)) continue;
    seen.add(key);
    // A field skipped by @skip/@include is absent from data and did not run.
    if (data && !(key in data)) continue;
    events.push({ mutationField: name, payload: rekeyByFieldName(data ? data[key] : null, [field], fragments), requestId });
  }
  return events;
}
