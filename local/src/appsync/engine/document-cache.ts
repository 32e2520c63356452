/**
 * Parse + validate results per document string, least recently used evicted first. Validation
 * depends only on the schema, so one entry serves every caller whatever their auth mode.
 */
import {
  GraphQLError, Kind, parse, validate, type DocumentNode, type FieldNode, type FragmentDefinitionNode,
  type GraphQLSchema, type OperationDefinitionNode, type ValueNode,
} from 'graphql';

export interface CachedDocument {
  document?: DocumentNode;
  /** Syntax or validation errors; when set, the document must not run. */
  errors?: DocumentError[];
  operations: OperationDefinitionNode[];
  fragments: Record<string, FragmentDefinitionNode>;
}

export interface DocumentError {
  error: GraphQLError;
  kind: 'syntax' | 'validation';
  /** `a/b` path of the field the error points into (graphql-java prints it after `@`). */
  fieldPath?: string;
  /** The argument (`arg.inner`) and literal the error points at, when it is a value error. */
  argument?: { path: string; node: ValueNode };
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
        errors: errors.map((error) => ({ error, kind: 'validation' as const, ...locate(document, error) })),
        operations,
        fragments,
      };
    }
    return { document, operations, fragments };
  }
}

/** Finds the field (and argument literal) a validation error points at. */
function locate(document: DocumentNode, error: GraphQLError): Pick<DocumentError, 'fieldPath' | 'argument'> {
  const target = error.nodes?.[0];
  if (!target) return {};
  let found: Pick<DocumentError, 'fieldPath' | 'argument'> | undefined;
  const walk = (node: { selectionSet?: { selections: readonly unknown[] } }, prefix: string) => {
    for (const sel of (node.selectionSet?.selections ?? []) as FieldNode[]) {
      if (found) return;
      if (sel.kind !== Kind.FIELD) {
        walk(sel as never, prefix);
        continue;
      }
      const path = `${prefix}${(sel.alias ?? sel.name).value}`;
      if (sel === target) {
        found = { fieldPath: path };
        return;
      }
      for (const arg of sel.arguments ?? []) {
        const inner = findValue(arg.value, target, arg.name.value);
        if (inner !== undefined || arg === target) {
          found = { fieldPath: path, argument: inner !== undefined ? { path: inner, node: target as ValueNode } : undefined };
          return;
        }
      }
      walk(sel, `${path}/`);
    }
  };
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION || def.kind === Kind.FRAGMENT_DEFINITION) walk(def, '');
  }
  return found ?? {};
}

/** The dotted path of `target` inside an argument value (`filter.createdAt`), if it is there. */
function findValue(value: ValueNode, target: unknown, path: string): string | undefined {
  if (value === target) return path;
  if (value.kind === Kind.OBJECT) {
    for (const f of value.fields) {
      const hit = findValue(f.value, target, `${path}.${f.name.value}`);
      if (hit !== undefined) return hit;
    }
  } else if (value.kind === Kind.LIST) {
    for (const v of value.values) {
      const hit = findValue(v, target, path);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}
