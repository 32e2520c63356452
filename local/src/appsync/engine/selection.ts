/**
 * What `ctx.info` says about a field's selection (developer guide "resolver-context-reference-js":
 * `selectionSetList`, `selectionSetGraphQL`), and selection-set projections the engine needs:
 * filtering `util.error` data and re-keying a mutation result by field name for subscriptions.
 * Fragments are flattened regardless of type condition: the data itself decides which keys exist.
 */
import { Kind, print, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

type Fragments = Record<string, FragmentDefinitionNode>;

/** Every field selected under `nodes`, with inline fragments and spreads flattened. */
export function selectedFields(nodes: readonly FieldNode[], fragments: Fragments): FieldNode[] {
  const out: FieldNode[] = [];
  for (const node of nodes) if (node.selectionSet) collect(node.selectionSet, fragments, out, new Set());
  return out;
}

function collect(set: SelectionSetNode, fragments: Fragments, out: FieldNode[], seen: Set<string>): void {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) out.push(sel);
    else if (sel.kind === Kind.INLINE_FRAGMENT) collect(sel.selectionSet, fragments, out, seen);
    else if (!seen.has(sel.name.value) && fragments[sel.name.value]) {
      seen.add(sel.name.value);
      collect(fragments[sel.name.value].selectionSet, fragments, out, seen);
    }
  }
}

/**
 * `ctx.info.selectionSetList`: paths like `author/handle`, aliased fields listed under the alias
 * only (per AWS's docs example and third-party observation).
 */
export function selectionSetList(nodes: readonly FieldNode[], fragments: Fragments): string[] {
  const list: string[] = [];
  const walk = (fields: FieldNode[], prefix: string) => {
    const seen = new Set<string>();
    for (const f of fields) {
      const key = f.alias?.value ?? f.name.value;
      const path = prefix + key;
      if (!seen.has(key)) {
        seen.add(key);
        list.push(path);
      }
      if (f.selectionSet) walk(selectedFields([f], fragments), `${path}/`);
    }
  };
  walk(selectedFields(nodes, fragments), '');
  return list;
}

/** `ctx.info.selectionSetGraphQL`: the field's selection set printed as GraphQL. */
export function selectionSetGraphQL(nodes: readonly FieldNode[]): string {
  return nodes
    .map((n) => (n.selectionSet ? print(n.selectionSet) : ''))
    .filter(Boolean)
    .join('\n');
}

/** Keeps only what the selection set asks for, keyed by response key (util.error `data`). */
export function projectBySelection(value: unknown, nodes: readonly FieldNode[], fragments: Fragments): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => projectBySelection(v, nodes, fragments));
  if (typeof value !== 'object' || !nodes.some((n) => n.selectionSet)) return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of selectedFields(nodes, fragments)) {
    if (f.name.value === '__typename') continue;
    const key = f.alias?.value ?? f.name.value;
    if (key in out) continue;
    out[key] = projectBySelection(src[f.name.value], [f], fragments);
  }
  return out;
}

/**
 * Turns a field's response value (keyed by alias) back into an object keyed by field name: the
 * shape a subscription's own selection set reads when rendering a mutation's payload.
 */
export function rekeyByFieldName(value: unknown, nodes: readonly FieldNode[], fragments: Fragments): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => rekeyByFieldName(v, nodes, fragments));
  if (typeof value !== 'object' || !nodes.some((n) => n.selectionSet)) return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of selectedFields(nodes, fragments)) {
    const key = f.alias?.value ?? f.name.value;
    if (!(key in src) || f.name.value === '__typename') continue;
    // Two aliases of one field with different arguments cannot both survive; the first wins.
    if (f.name.value in out) continue;
    out[f.name.value] = rekeyByFieldName(src[key], [f], fragments);
  }
  return out;
}
