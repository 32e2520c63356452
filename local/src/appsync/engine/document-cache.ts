/**
 * Parse + validate results per document string, least recently used evicted first. Validation
 * depends only on the schema, so one entry serves every caller whatever their auth mode.
 * A large document (an alias bomb) is validated one rule at a time with a turn of the event loop
 * in between, so its validation — hundreds of milliseconds — does not hold up other requests.
 */
import {
  GraphQLError, Kind, parse, specifiedRules, validate, type DocumentNode, type FieldNode, type FragmentDefinitionNode,
  type GraphQLSchema, type OperationDefinitionNode, type ValueNode,
} from 'graphql';

/** Documents at least this long are validated in turns (the app's own are 1–3 KB). */
const VALIDATE_IN_TURNS_FROM = 16 * 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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

  /** Large documents being validated in turns: concurrent requests with the same one share it. */
  private readonly pending = new Map<string, Promise<CachedDocument>>();

  constructor(private readonly schema: GraphQLSchema, private readonly capacity = 1000) {}

  get(query: string): CachedDocument {
    const hit = this.lookup(query);
    if (hit) return hit;
    this.misses++;
    return this.store(query, this.build(query));
  }

  /** Like `get`, but a large document not seen before is validated in turns of the event loop. */
  async getInTurns(query: string): Promise<CachedDocument> {
    if (query.length < VALIDATE_IN_TURNS_FROM) return this.get(query);
    const hit = this.lookup(query);
    if (hit) return hit;
    let pending = this.pending.get(query);
    if (!pending) {
      this.misses++;
      pending = this.buildInTurns(query).then((entry) => {
        this.pending.delete(query);
        return this.store(query, entry);
      });
      this.pending.set(query, pending);
    }
    return pending;
  }


  private lookup(query: string): CachedDocument | undefined {
    const hit = this.entries.get(query);
    if (hit) {
      this.hits++;
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.entries.delete(query);
      this.entries.set(query, hit);
    }
    return hit;
  }

  private store(query: string, entry: CachedDocument): CachedDocument {
    this.entries.set(query, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  private build(query: string): CachedDocument {
    const parsed = this.parse(query);
    return parsed.ok ? this.entry(parsed.document, validate(this.schema, parsed.document)) : parsed.entry;
  }

  private async buildInTurns(query: string): Promise<CachedDocument> {
    await nextTurn();
    const parsed = this.parse(query);
    if (!parsed.ok) return parsed.entry;
    const errors: GraphQLError[] = [];
    for (const rule of specifiedRules) {
      await nextTurn();
      errors.push(...validate(this.schema, parsed.document, [rule]));
      if (errors.length > 1) break;
    }
    // Rule by rule loses the order one pass reports several errors in (as the visitor meets them);
    // only then is the document validated again in one pass.
    return this.entry(parsed.document, errors.length > 1 ? validate(this.schema, parsed.document) : errors);
  }

  private parse(query: string): { ok: true; document: DocumentNode } | { ok: false; entry: CachedDocument } {
    try {
      return { ok: true, document: parse(query) };
    } catch (err) {
      return { ok: false, entry: { errors: [{ error: err as GraphQLError, kind: 'syntax' }], operations: [], fragments: {} } };
    }
  }

  private entry(document: DocumentNode, errors: readonly GraphQLError[]): CachedDocument {
    const operations: OperationDefinitionNode[] = [];
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of document.definitions) {
      if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
      else if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    }
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
