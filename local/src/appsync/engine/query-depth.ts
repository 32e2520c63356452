/**
 * Query depth as AppSync's `queryDepthLimit` counts it ("Configuring query depth limits"): a root
 * field is level 1 and every nested selection one more, scalar leaves included — with a limit of 2,
 * `L1 { L2 { L3 { L4 } } }` fails at L3 and L4. Introspection fields (`__schema`, `__typename`) are
 * not counted: they are answered from the schema, never by a resolver.
 */
import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

type Path = GraphQLResolveInfo['path'];

const depths = new WeakMap<OperationDefinitionNode, number>();

/** The deepest level any field of `operation` reaches (memoised per parsed operation). */
export function operationDepth(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): number {
  let depth = depths.get(operation);
  if (depth === undefined) {
    // Fragment depths are memoised too: a document of fragments that spread each other twice over
    // would otherwise cost 2^n walks.
    const fragmentDepth = new Map<string, number>();
    const walk = (set: SelectionSetNode | undefined): number => {
      let max = 0;
      for (const sel of set?.selections ?? []) {
        if (sel.kind === Kind.FIELD) {
          if (!sel.name.value.startsWith('__')) max = Math.max(max, 1 + walk(sel.selectionSet));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          max = Math.max(max, walk(sel.selectionSet));
        } else {
          const name = sel.name.value;
          let d = fragmentDepth.get(name);
          if (d === undefined) {
            fragmentDepth.set(name, 0); // validated documents have no fragment cycles; this guards anyway
            d = walk(fragments[name]?.selectionSet);
            fragmentDepth.set(name, d);
          }
          max = Math.max(max, d);
        }
      }
      return max;
    };
    depth = walk(operation.selectionSet);
    depths.set(operation, depth);
  }
  return depth;
}

/** The level of the field at `path`: its response keys, list indices left out. */
export function pathDepth(path: Path): number {
  let depth = 0;
  for (let p: Path | undefined = path; p; p = p.prev) if (typeof p.key === 'string') depth++;
  return depth;
}
