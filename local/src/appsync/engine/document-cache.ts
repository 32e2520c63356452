/**
 * Parse + validate results per document string, least recently used evicted first. Validation
 * depends only on the schema, so one entry serves every caller whatever their auth mode.
 */
import {
  GraphQLError, Kind, parse, validate, type DocumentNode, type FieldNode, type FragmentDefinitionNode,
  type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';

export interface CachedDocument {
  document?: DocumentNode;
  /** Syntax or validation errors; when set, the document must not run. */
  errors?: { error: GraphQLError; kind: 'syntax' | 'validation'; fieldPath?: string }[];
  operations: OperationDefinitionNode[];
  fragments: Record<string, FragmentDefinitionNode>;
}

export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>();
  hits = 0;
  misses = 0;

  constructor(private readonly schema: GraphQLSchema, private readonly capacity = 1000) {}

  get(query: string): CachedDocument {
    const hit = this.entries.get(query);
    if (hit) {
      this.hits++;
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.entries.delete(query);
      this.entries.set(query, hit);
      return hit;
    }
    this.misses++;
    const entry = this.build(query);
    this.entries.set(query, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  private build(query: string): CachedDocument {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (err) {
      return { errors: [{ error: err as GraphQLError, kind: 'syntax' }], operations: [], fragments: {} };
    }
    const operations: OperationDefinitionNode[] = [];
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of document.definitions) {
      if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
      else if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    }
    const errors = validate(this.schema, document);
    if (errors.length) {
      return {
        document,
        errors: errors.map((error) => ({ error, kind: 'validation' as const, fieldPath: fieldPathOf(document, error) })),
        operations,
        fragments,
      };
    }
    return { document, operations, fragments };
  }
}

/** The `a/b/c` path of the field an error points at, as graphql-java prints it after `@`. */
function fieldPathOf(document: DocumentNode, error: GraphQLError): string | undefined {
  const target = error.nodes?.[0];
  if (!target) return undefined;
  let found: string | undefined;
  const walk = (node: { selectionSet?: { selections: readonly unknown[] } }, prefix: string) => {
    for (const sel of (node.selectionSet?.selections ?? []) as FieldNode[]) {
      if (found) return;
      const path = sel.kind === Kind.FIELD ? `${prefix}${(sel.alias ?? sel.name).value}` : prefix.replace(/\/$/, '');
      if (sel === target || (sel.kind === Kind.FIELD && sel.arguments?.some((a) => a === target || a.value === target))) {
        found = path;
        return;
      }
      walk(sel as never, sel.kind === Kind.FIELD ? `${path}/` : prefix);
    }
  };
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION || def.kind === Kind.FRAGMENT_DEFINITION) walk(def, '');
  }
  return found;
}
