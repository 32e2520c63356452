/**
 * After a mutation, AppSync publishes each `@aws_subscribe`d mutation field's result *after the
 * mutation's own selection set* ("aws-appsync-real-time-data.html"); mutations that return
 * errors still broadcast (measured against AppSync by geoffweatherall/mootmaker) — as long as the field produced a value: a
 * field that resolved to null (denied, `util.error`) has nothing to publish. The payload is keyed
 * by field name so each subscriber's selection set can read it; fields the mutation did not
 * select are absent.
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
    const value = data ? data[key] : null;
    // Absent: skipped by @skip/@include. Null: the field failed or was denied.
    if (value === null || value === undefined) continue;
    events.push({ mutationField: name, payload: rekeyByFieldName(value, [field], fragments), requestId });
  }
  return events;
}
